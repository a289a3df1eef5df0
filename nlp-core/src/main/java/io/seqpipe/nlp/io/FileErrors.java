package io.seqpipe.nlp.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * File system failures in words a user reads: the JDK's {@link FileSystemException}s carry the file but
 * often no reason ({@code AccessDeniedException.getMessage()} is the bare path).
 *
 * <pre>{@code
 * FileErrors.describe(new AccessDeniedException("runs/x"));   // "runs/x: permission denied"
 * FileErrors.reason(new NoSuchFileException("in.txt"));       // "no such file"
 * }</pre>
 */
public final class FileErrors {
  private FileErrors() {}

  /** {@code FILE: reason} (with {@code -> OTHER} for a failed move or link). */
  public static String describe(FileSystemException e) {
    return e.getFile() + (e.getOtherFile() != null ? " -> " + e.getOtherFile() : "") + ": " + reason(e);
  }

  /** Why it failed, without the file. */
  public static String reason(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    return e.getReason() != null ? e.getReason() : "failed";
  }
}
