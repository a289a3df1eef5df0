package io.seqpipe.grammar.tree;

import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Entry;
import java.util.ArrayList;
import java.util.List;

/** Operations on blocks: overlaying one on another (includes, overrides). */
public final class Blocks {
  private Blocks() {}

  /**
   * {@code top} over {@code base}: entries of {@code top} replace those of {@code base} with the same
   * key, except that two blocks under the same key are overlaid in turn.
   */
  public static Block overlay(Block base, Block top) {
    List<Entry> entries = new ArrayList<>(base.entries());
    for (Entry entry : top.entries()) {
      int at = indexOf(entries, entry.key());
      if (at >= 0 && entries.get(at).value() instanceof Block under && entry.value() instanceof Block over) {
        entries.set(at, new Entry(entry.key(), overlay(under, over), entry.position()));
      } else if (at >= 0 && top.entries().stream().filter(e -> e.key().equals(entry.key())).count() == 1) {
        entries.removeIf(e -> e.key().equals(entry.key()));
        entries.add(entry);
      } else {
        entries.add(entry);
      }
    }
    return new Block(entries, top.position());
  }

  private static int indexOf(List<Entry> entries, String key) {
    for (int i = 0; i < entries.size(); i++) {
      if (key.equals(entries.get(i).key())) {
        return i;
      }
    }
    return -1;
  }
}
