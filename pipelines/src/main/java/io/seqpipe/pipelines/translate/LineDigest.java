package io.seqpipe.pipelines.translate;

import io.seqpipe.nlp.io.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A running SHA-256 of the lines a translation job has read, each as UTF-8 followed by {@code \n}: what
 * its progress file records of the input, so that a resumed job can tell that the lines an earlier run
 * translated are still those of the input. Line ends do not count ({@code \r\n} and {@code \n} give the
 * same lines, and the same translations).
 *
 * <pre>{@code
 * LineDigest digest = new LineDigest();
 * digest.add("Hola.");
 * String sha256 = digest.hex();   // the hash of "Hola.\n" so far; more lines may follow
 * }</pre>
 */
final class LineDigest {
  private final MessageDigest sha256 = Hashes.newSha256();

  void add(String line) {
    sha256.update(line.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
  }

  /** The hash of the lines added so far, as lowercase hex. */
  String hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }
}
