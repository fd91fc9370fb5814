/**
 * When the engine starts booting: as soon as a playground is within one and a half screens of
 * the viewport, so a reader who scrolls to it and reads for a moment finds it ready (the boot takes
 * about a second; the study behind issue 14 found that a click ≥ 0.9 s after the trigger gets
 * results in about the time of the run alone). A page with no playground near never boots it.
 */
export const BOOT_ROOT_MARGIN = '150% 0px';
