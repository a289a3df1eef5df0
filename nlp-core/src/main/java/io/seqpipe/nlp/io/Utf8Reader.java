package io.seqpipe.nlp.io;

import io.seqpipe.nlp.InputFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Text input that is strictly UTF-8, with every problem located: the first malformed byte sequence
 * fails as {@code FILE:LINE:COLUMN: invalid UTF-8 ...}, a line longer than {@link #MAX_LINE_CHARS}
 * fails naming its line, and a byte order mark at the start is skipped. Lines end at {@code \n},
 * {@code \r\n} or {@code \r}, as for {@link BufferedReader#readLine()}.
 *
 * <pre>{@code
 * try (BufferedReader lines = Utf8Reader.open(Path.of("train.en"))) {
 *   for (String line; (line = lines.readLine()) != null; ) { ... }
 * }
 * BufferedReader stdin = Utf8Reader.open(System.in, "<stdin>");
 * // "train.en:17:5: invalid UTF-8 (byte 0xE9); expected UTF-8 text"
 * }</pre>
 *
 * <p>Problems are reported when the decoder reaches them, which may be a little ahead of the lines a
 * caller has read so far; the location is always that of the problem itself.
 */
public final class Utf8Reader extends Reader {
  /** The longest line read, in characters (1 MiB): anything longer is no text file. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
  private boolean needInput = true;
  private boolean endOfInput;
  private boolean finished;
  private boolean started;
  /** Where the decoder stands: line (1-based), characters into it, whether the last was {@code \r}. */
  private long line = 1;
  private long column;
  private boolean afterCarriageReturn;

  /** Decodes {@code in}; {@code source} names it in messages (a file name, or {@code <stdin>}). */
  public Utf8Reader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Lines of a file (refused if it is a directory or device, see {@link InputFiles}). */
  public static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(new Utf8Reader(InputFiles.open(file), file.toString()), 1 << 16);
  }

  /** Lines of a stream, e.g. {@code open(System.in, "<stdin>")}. */
  public static BufferedReader open(InputStream in, String source) {
    return new BufferedReader(new Utf8Reader(in, source), 1 << 16);
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int count = Math.min(length, chars.remaining());
    chars.get(target, offset, count);
    return count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Decodes the next characters into {@link #chars}; false at the end of input. */
  private boolean fill() throws IOException {
    chars.clear();
    while (chars.position() == 0 && !finished) {
      if (needInput && !endOfInput) {
        readBytes();
      }
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (result.isError()) {
        chars.flip();
        track();
        throw invalid(result.length());
      }
      needInput = result.isUnderflow();
      if (endOfInput && result.isUnderflow()) {
        decoder.flush(chars);
        finished = true;
      }
    }
    chars.flip();
    track();
    return chars.hasRemaining();
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  /** Advances the location over the characters just decoded; skips a leading byte order mark. */
  private void track() {
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
        chars.get();
      }
    }
    char[] decoded = chars.array();
    for (int i = chars.position(), end = chars.limit(); i < end; i++) {
      char c = decoded[i];
      if (c <= '\r' && (c == '\n' || c == '\r')) {
        if (!(c == '\n' && afterCarriageReturn)) {
          line++;
        }
        column = 0;
        afterCarriageReturn = c == '\r';
      } else {
        afterCarriageReturn = false;
        if (++column > MAX_LINE_CHARS) {
          throw new InputFormatException(source, line, 0, "line longer than " + MAX_LINE_CHARS
              + " characters (1 MiB); expected lines of text");
        }
      }
    }
  }

  private InputFormatException invalid(int length) {
    StringBuilder sequence = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sequence.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes.get(bytes.position() + i)));
    }
    String what = length == 1 ? "byte " : "bytes ";
    String where = endOfInput && bytes.remaining() == length ? " at the end of the input" : "";
    return new InputFormatException(source, line, column + 1,
        "invalid UTF-8 (" + what + sequence + where + "); expected UTF-8 text");
  }
}
