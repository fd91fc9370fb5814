/**
 * Copies text to the clipboard. When the browser refuses (permissions, an insecure context, an
 * old browser), `select` puts the text where the reader can copy it by hand. True when copied.
 */
export async function copyOrSelect(text: string, select: () => void): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    select();
    return false;
  }
}
