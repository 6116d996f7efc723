import { controlCharacterIssue, multiLine, oneLine, secret } from '../../domain/text';

describe('text people type: trimmed, no control characters', () => {
  test('one line refuses every control character, NUL, tab and newline included', () => {
    expect(oneLine().parse('  王伟 ')).toBe('王伟');
    for (const c of ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f']) {
      const r = oneLine().safeParse(`a${c}b`);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(controlCharacterIssue);
    }
  });
  test('several lines keep line breaks and tabs, refuse NUL and the other controls', () => {
    expect(multiLine().parse('第一行\n第二行\r\n\t缩进')).toBe('第一行\n第二行\r\n\t缩进');
    for (const c of ['\u0000', '\u0007', '\u000b', '\u000c', '\u001f', '\u007f'])
      expect(multiLine().safeParse(`a${c}b`).success).toBe(false);
  });
  test('limits still apply after trimming; passwords are not trimmed', () => {
    expect(oneLine().min(2).safeParse('  a  ').success).toBe(false);
    expect(secret().parse(' pass word ')).toBe(' pass word ');
    expect(secret().safeParse('pass\u0000word').success).toBe(false);
  });
});
