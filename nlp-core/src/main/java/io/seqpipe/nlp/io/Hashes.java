package io.seqpipe.nlp.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes of files, for reports (which data a model was trained on) and fingerprints (which
 * model a job ran with).
 *
 * <pre>{@code
 * String hex = Hashes.sha256(Path.of("train.tsv"));   // 64 hex digits
 * MessageDigest running = Hashes.newSha256();         // for data read a piece at a time
 * }</pre>
 */
public final class Hashes {
  private Hashes() {}

  /** The file's SHA-256 as lowercase hex. */
  public static String sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), newSha256())) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }
  }

  /** A fresh SHA-256 digest, for hashes computed as data streams by. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
