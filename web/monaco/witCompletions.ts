import type * as Monaco from 'monaco-editor';
import { listWitNames, type WitNameOffer } from '../../src/index';

/** A WIT line up to the caret that names an interface or world next: the keyword and what is typed of the name. */
const NAMING = /^\s*(import|export|use|include)\s+([\w:/.@-]*)$/;

/**
 * The name and version first, the package beside it: the suggest widget cuts a long label at
 * its end, and at a presenter's font size `wasi:keyvalue/batch@0.2.0-draft2` and `…@0.2.0-draft`
 * were both cut to `wasi:keyvalue/batch@0.2.0-d…`, the one difference that matters gone.
 */
function labelOf(offer: WitNameOffer): Monaco.languages.CompletionItemLabel {
  const [pkg, item] = offer.id.split('/') as [string, string];
  return { label: item, description: `${pkg.replace(/@.*$/, '')}${offer.status === 'proposal' ? ' · proposal' : ''}` };
}

/** Which offers a keyword takes: `include` a world, the others an interface. */
const fits = (keyword: string, offer: WitNameOffer) => (keyword === 'include') === (offer.kind === 'world');

/**
 * Completes the names of the shipped packages' interfaces and worlds in the WIT editor, after
 * `import`, `export`, `use` or `include`: an import line must spell package, interface and the
 * exact draft (`wasi:keyvalue/store@0.2.0-draft2`), and the list shows a newcomer which drafts
 * and proposals the playground has, each with its package's summary and its doc comment.
 * A name completed at the end of an `import`, `export` or `include` line gets its `;`.
 */
export function registerWitCompletions(monaco: typeof Monaco, languageId: string): void {
  monaco.languages.registerCompletionItemProvider(languageId, {
    triggerCharacters: [' ', ':', '/', '@'],
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const naming = NAMING.exec(before);
      if (!naming) return { suggestions: [] };
      const [, keyword, typed] = naming as unknown as [string, string, string];
      const after = model.getLineContent(position.lineNumber).slice(position.column - 1).trim();
      const semicolon = keyword !== 'use' && after === '' ? ';' : '';
      const range = new monaco.Range(position.lineNumber, position.column - typed.length, position.lineNumber, position.column);
      const suggestions = listWitNames()
        .filter((offer) => fits(keyword, offer))
        .map((offer, i): Monaco.languages.CompletionItem => ({
          label: labelOf(offer),
          kind: offer.kind === 'world' ? monaco.languages.CompletionItemKind.Module : monaco.languages.CompletionItemKind.Interface,
          detail: offer.summary,
          documentation: offer.doc ? { value: offer.doc } : undefined,
          insertText: offer.id + semicolon,
          filterText: offer.id,
          // The packages' display order: the standard drafts first, then the proposals.
          sortText: String(i).padStart(4, '0'),
          range,
        }));
      return { suggestions };
    },
  });
}
