package io.seqpipe.grammar.tree;

import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operations on blocks: overlaying one on another (includes).
 *
 * <pre>{@code
 * Block merged = Blocks.overlay(included, own); // own's entries win, key by key
 * }</pre>
 */
public final class Blocks {
  private Blocks() {}

  /**
   * {@code top} over {@code base}: entries of {@code top} replace those of {@code base} with the same
   * key, except that two blocks under the same key, once in each, are overlaid in turn. A key that
   * {@code top} repeats (filters of an analyzer) replaces all of {@code base}'s entries of that key, so
   * that a block overlaid on itself is itself.
   */
  public static Block overlay(Block base, Block top) {
    Map<String, Integer> counts = new HashMap<>();
    for (Entry entry : top.entries()) {
      counts.merge(entry.key(), 1, Integer::sum);
    }
    Set<String> replaced = new HashSet<>();
    List<Entry> entries = new ArrayList<>(base.entries());
    for (Entry entry : top.entries()) {
      int at = indexOf(entries, entry.key());
      if (at >= 0 && counts.get(entry.key()) == 1 && entries.get(at).value() instanceof Block under
          && entry.value() instanceof Block over) {
        entries.set(at, new Entry(entry.key(), overlay(under, over), entry.position()));
      } else {
        if (replaced.add(entry.key())) {
          entries.removeIf(e -> e.key().equals(entry.key()));
        }
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
