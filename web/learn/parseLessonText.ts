/** One block of lesson text: a paragraph, a bullet list or a fenced code block. */
export type LessonBlock = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] } | { kind: 'code'; text: string };

const ITEM = /^\s*- /;

/**
 * Splits lesson text into blocks. Paragraphs are separated by blank lines; inside one, a
 * run of `- ` lines is a list, so "an intro line:" followed by items reads as the line
 * then the list (lessons write them without a blank line between). An indented line
 * right after an item continues that item; ``` fences a code block, kept verbatim.
 */
export function parseLessonText(text: string): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  let para: string[] = [];
  let code: string[] | undefined;
  const flush = () => {
    let words: string[] = [];
    let items: string[] | undefined;
    const endWords = () => {
      if (words.length) blocks.push({ kind: 'p', text: words.join(' ') });
      words = [];
    };
    const endItems = () => {
      if (items) blocks.push({ kind: 'ul', items });
      items = undefined;
    };
    for (const line of para) {
      if (ITEM.test(line)) {
        endWords();
        (items ??= []).push(line.replace(ITEM, ''));
      } else if (items && /^\s/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
      else {
        endItems();
        words.push(line);
      }
    }
    endWords();
    endItems();
    para = [];
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^```/.test(line)) {
      if (code) {
        blocks.push({ kind: 'code', text: code.join('\n') });
        code = undefined;
      } else {
        flush();
        code = [];
      }
    } else if (code) code.push(line);
    else if (!line.trim()) flush();
    else para.push(line);
  }
  if (code) blocks.push({ kind: 'code', text: code.join('\n') });
  flush();
  return blocks;
}
