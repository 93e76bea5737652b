package dev.accordhub.routes.programs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.accordhub.model.program.ProgramDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads every {@code <id>.yaml} of the programs directory. Placeholders in values are resolved by the caller's
 * environment, then each file is validated; any problem stops start-up with the file and field named.
 */
public final class ProgramLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final UnaryOperator<String> placeholders;

    public ProgramLoader(UnaryOperator<String> placeholders) {
        this.placeholders = placeholders;
    }

    public List<ProgramDefinition> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ProgramConfigException("Programs directory " + directory.toAbsolutePath()
                    + " does not exist (property accord.programs-dir)");
        }
        List<ProgramDefinition> programs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                programs.add(loadFile(file));
            }
        } catch (IOException e) {
            throw new ProgramConfigException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (programs.isEmpty()) {
            throw new ProgramConfigException("No program files (*.yaml) in " + directory.toAbsolutePath());
        }
        return programs;
    }

    ProgramDefinition loadFile(Path file) {
        String name = file.getFileName().toString();
        ProgramDefinition program;
        try {
            JsonNode tree = yaml.readTree(Files.readString(file));
            if (tree == null || !tree.isObject()) {
                throw new ProgramConfigException(file + ": not a YAML mapping");
            }
            resolvePlaceholders(file, "", (ObjectNode) tree);
            program = yaml.treeToValue(tree, ProgramDefinition.class);
        } catch (JsonMappingException e) {
            throw new ProgramConfigException(file + ": " + fieldPath(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProgramConfigException(file + ": " + e.getMessage(), e);
        }
        List<String> problems = new ProgramValidator().validate(program, name.substring(0, name.length() - 5));
        if (!problems.isEmpty()) {
            throw new ProgramConfigException(file + " is invalid:\n  - " + String.join("\n  - ", problems));
        }
        return program;
    }

    /** Resolves {@code ${...}} in string values only, so comments may mention them freely. */
    private void resolvePlaceholders(Path file, String path, ObjectNode node) {
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) node::fields) {
            String where = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                resolvePlaceholders(file, where, (ObjectNode) value);
            } else if (value.isTextual() && value.asText().contains("${")) {
                try {
                    node.put(field.getKey(), placeholders.apply(value.asText()));
                } catch (IllegalArgumentException e) {
                    throw new ProgramConfigException(file + ": " + where + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(document)" : path.toString();
    }
}
