declare module '*?worker' {
  const WorkerFactory: new () => Worker;
  export default WorkerFactory;
}
/** Side-effect import that registers the JSON language; it has no typings of its own. */
declare module 'monaco-editor/language/json/monaco.contribution';
/** Side-effect imports of Monaco's editor features (loadMonaco.ts, editorFeatures.ts); no typings of their own. */
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/browser/coreCommands';
declare module 'monaco-editor/features/find/register';
