package io.seqpipe.grammar.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.write.SpecTree;
import io.seqpipe.grammar.write.SpecTree.Component;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a spec as YAML, key for key with the DSL (it prints {@link SpecTree}; components as {@code
 * {type: name, ...}}); reading it back gives an equal spec.
 *
 * <pre>{@code
 * String yaml = YamlWriter.write(spec);
 * }</pre>
 */
public final class YamlWriter {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build();

  private YamlWriter() {}

  public static String write(PipelineSpec spec) {
    try {
      return YAML.writeValueAsString(yaml(SpecTree.of(spec)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object yaml(Object value) {
    if (value instanceof Component component) {
      if (component.params().isEmpty()) {
        return component.name();
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("type", component.name());
      out.putAll(component.params());
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((key, child) -> out.put(key, yaml(child)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(YamlWriter::yaml).toList();
    }
    return value;
  }
}
