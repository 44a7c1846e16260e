import { describe, expect, it } from 'vitest';
import { errorMessage, withHint } from './errorMessage.js';

describe('errorMessage', () => {
  it('ends a message that is not a sentence before its hint', () => {
    expect(errorMessage({ message: 'Unclosed "{{" at column 1', hint: 'Close the reference with "}}".' }))
      .toBe('Unclosed "{{" at column 1. Close the reference with "}}".');
  });

  it('leaves messages that already end a sentence, and messages without a hint, as they are', () => {
    expect(withHint('The step failed.', 'Check the URL.')).toBe('The step failed. Check the URL.');
    expect(withHint('Which one?', 'Pick a step.')).toBe('Which one? Pick a step.');
    expect(withHint('It said "no."', 'Retry.')).toBe('It said "no." Retry.');
    expect(withHint('Steps to fix:', 'see below.')).toBe('Steps to fix: see below.');
    expect(withHint('No hint here', undefined)).toBe('No hint here');
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(errorMessage('a string')).toBe('a string');
  });
});
