// A character trie for the Khmer keys of the gazetteer and the name lists: every listed word that starts at each
// Khmer letter cluster of the text. Hand-written on purpose: modern-ahocorasick (tried first) cuts every text into
// grapheme clusters with Intl.Segmenter, which alone costs about 150 µs for one Khmer sentence, ten times the rest of
// the scrubber; the keys here need only code units and a check that a match starts and ends on a Khmer letter
// cluster. Walking the trie from each cluster start costs at most the longest key per position (a few µs a sentence).

type Node<T> = { next: Map<number, Node<T>>; value?: T };

/** Khmer vowel signs, signs and the subscript mark: they belong to the letter before them. */
const isDependent = (c: number) => (c >= 0x17b6 && c <= 0x17d3) || c === 0x17dd;
const COENG = 0x17d2;

export class KeyTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  size = 0;

  /** Adds `key`, or merges with what it already holds. */
  add(key: string, value: T, merge: (old: T, value: T) => T): void {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    if (node.value === undefined) this.size++;
    node.value = node.value === undefined ? value : merge(node.value, value);
  }

  /** Every key found in `text` that starts and ends on a whole letter cluster, as [start, end, value]. */
  search(text: string): [number, number, T][] {
    const found: [number, number, T][] = [];
    for (let start = 0; start < text.length; start++) {
      const first = text.charCodeAt(start);
      if (isDependent(first) || text.charCodeAt(start - 1) === COENG) continue;
      let node: Node<T> | undefined = this.root;
      for (let i = start; i < text.length && node; i++) {
        node = node.next.get(text.charCodeAt(i));
        if (node?.value === undefined) continue;
        const after = text.charCodeAt(i + 1);
        if (text.charCodeAt(i) !== COENG && !isDependent(after)) found.push([start, i + 1, node.value]);
      }
    }
    return found;
  }
}
