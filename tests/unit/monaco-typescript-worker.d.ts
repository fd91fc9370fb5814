// Typings for the part of Monaco's TypeScript worker (it ships none) that
// tests/unit/editor-typescript.test.ts drives in Node.
declare module 'monaco-editor/languages/features/typescript/tsWorker.js' {
  import type ts from 'typescript';

  export interface MirrorModel {
    uri: { path: string; toString(skipEncoding?: boolean): string };
    version: number;
    getValue(): string;
  }

  export class TypeScriptWorker {
    constructor(
      ctx: { getMirrorModels(): MirrorModel[] },
      createData: {
        compilerOptions: object;
        extraLibs: Record<string, { content: string; version: number }>;
        inlayHintsOptions?: object;
      },
    );
    getLanguageService(): ts.LanguageService;
    getSyntacticDiagnostics(fileName: string): Promise<ts.Diagnostic[]>;
    getSemanticDiagnostics(fileName: string): Promise<ts.Diagnostic[]>;
    getCompletionsAtPosition(fileName: string, position: number): Promise<ts.CompletionInfo | undefined>;
  }
}

declare module 'monaco-editor/languages/features/typescript/lib/lib.js' {
  export const libFileMap: Record<string, string>;
}
