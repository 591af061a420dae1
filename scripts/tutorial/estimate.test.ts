import { estimateMinutes, measureChapter } from './estimate';

const fence = '```';

describe('measureChapter', () => {
  it('counts prose words, main and folded code, and each command once, a heredoc or a continued line included', () => {
    const chapter = [
      '# Title',
      'Two `inline` words here.',
      `${fence}sh run`,
      "cat > a.txt <<'EOF'",
      'not a command',
      'EOF',
      'npm run build \\',
      '  --mode production',
      '# a comment is no command',
      fence,
      '<details><summary>Folded</summary>',
      '',
      `${fence}ts file=a.ts`,
      'const shift = 1 << 2;',
      fence,
      '',
      '</details>',
    ].join('\n');

    expect(measureChapter(chapter)).toEqual({ mainCode: 6, foldedCode: 1, words: 5, commands: 2 });
  });

  it('states whole minutes in steps of five, at the pace tutorial/README.md gives', () => {
    // 400 words (2 min) + 100 typed lines (10 min) + 80 copied (2 min) + 3 commands (3 min) = 17 min
    expect(estimateMinutes({ words: 400, mainCode: 100, foldedCode: 80, commands: 3 })).toBe(20);
    expect(estimateMinutes({ words: 0, mainCode: 0, foldedCode: 0, commands: 0 })).toBe(5);
  });
});
