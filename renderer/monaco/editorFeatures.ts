/**
 * The editor features the app's fields use, registered one by one. `editor.api` is the bare
 * editor core: without these imports there was no suggest widget (the `{{` variable
 * completions never showed), no find, no folding, no hover on a JSON problem and no Ctrl+M.
 * The rest of Monaco's contributions (code lens, colour picker, sticky scroll…) stay out.
 */
import 'monaco-editor/editor/browser/coreCommands';
// `{{` completions of variables (MonacoField's provider) and how a chosen one is inserted.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
// A JSON body's problem explained under the pointer (F8 stays the app's: the notifications).
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
// Ctrl+F / Ctrl+H in bodies; folding and bracket matching for long JSON; Shift+Alt+F formats it.
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
// The editing keys a code editor user expects: Ctrl+Backspace and Ctrl+←/→ by word, Ctrl+D,
// Alt+↑/↓ and Ctrl+Shift+K on lines, the right-click menu with cut/copy/paste.
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
// Ctrl+M: Tab moves the focus instead of indenting (the keyboard guide lists it).
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
