package io.seqpipe.grammar.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Empty;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.ListNode;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML pipeline into the same tree as the DSL: mappings become blocks, sequences lists,
 * scalars keep their text; every node keeps its line and column. Aliases ({@code *name}, and so merge
 * keys {@code <<: *name}) are refused where they are written: a pipeline is short enough to write out,
 * and an alias read as plain text would silently mean something else. An anchor ({@code &name}) alone
 * changes nothing and is ignored. Nesting deeper than Jackson's limit
 * (1,000) is reported as malformed YAML.
 *
 * <pre>{@code
 * Block root = new YamlReader(problems).read(Files.readString(path), path.toString());
 * }</pre>
 */
public final class YamlReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final Problems problems;

  public YamlReader(Problems problems) {
    this.problems = problems;
  }

  /** The root mapping, or null (with problems recorded) when the text is not a YAML mapping. */
  public Block read(String text, String source) {
    YAMLParser parser;
    try {
      parser = YAML.createParser(text);
    } catch (IOException e) {
      problems.add(new Position(source, 1, 1), "cannot read YAML: " + Quote.of(String.valueOf(e.getMessage()), Quote.PATH_LIMIT));
      return null;
    }
    try (parser) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(new Position(source, 1, 1), "expected a YAML mapping with 'pipeline' and 'kind', found an empty file");
        return null;
      }
      Node root = node(parser, source);
      if (!(root instanceof Block block)) {
        problems.add(root.position(), "expected a YAML mapping with 'pipeline' and 'kind', found " + root.describe());
        return null;
      }
      return block;
    } catch (JsonProcessingException e) {
      // a limit (nesting depth) gives no location of its own: where the parser stopped is the place
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      problems.add(position(at, source), "malformed YAML: " + Quote.of(firstLine(e.getOriginalMessage()), Quote.PATH_LIMIT));
      return null;
    } catch (IOException e) {
      problems.add(new Position(source, 1, 1), "cannot read YAML: " + Quote.of(String.valueOf(e.getMessage()), Quote.PATH_LIMIT));
      return null;
    }
  }

  private Node node(YAMLParser parser, String source) throws IOException {
    Position position = position(parser.currentTokenLocation(), source);
    JsonToken token = parser.currentToken();
    if (parser.isCurrentAlias()) {
      problems.add(position, "YAML anchors and aliases are not supported: write the value out instead of *"
          + Quote.of(parser.getText()));
      return new Empty(position);
    }
    switch (token) {
      case START_OBJECT -> {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Position keyPosition = position(parser.currentTokenLocation(), source);
          Integer first = seen.putIfAbsent(key, keyPosition.line());
          if (first != null) {
            problems.add(keyPosition, "duplicate key '" + Quote.of(key) + "' (first on line " + first + ")");
          }
          parser.nextToken();
          entries.add(new Entry(key, node(parser, source), keyPosition));
        }
        return new Block(entries, position);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(parser, source));
        }
        return new ListNode(items, position);
      }
      case VALUE_STRING -> {
        return new Scalar(Scalar.Kind.STRING, parser.getText(), position);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Scalar(Scalar.Kind.NUMBER, parser.getText(), position);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(Scalar.Kind.BOOL, token == JsonToken.VALUE_TRUE ? "true" : "false", position);
      }
      case VALUE_NULL -> {
        return new Empty(position);
      }
      default -> {
        problems.add(position, "unexpected YAML content: " + token);
        return new Empty(position);
      }
    }
  }

  private static Position position(JsonLocation location, String source) {
    return new Position(source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
