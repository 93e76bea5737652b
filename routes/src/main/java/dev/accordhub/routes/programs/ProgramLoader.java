package dev.accordhub.routes.programs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
 * Reads every {@code <id>.yaml} of the programs directory. {@code ${...}} placeholders are resolved first (by the
 * caller's environment), then each file is validated; any problem stops start-up with the file and field named.
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
            String text = placeholders.apply(Files.readString(file));
            program = yaml.readValue(text, ProgramDefinition.class);
        } catch (JsonMappingException e) {
            throw new ProgramConfigException(file + ": " + fieldPath(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProgramConfigException(file + ": " + e.getMessage(), e);
        }
        List<String> problems = new ProgramValidator().validate(program, name.substring(0, name.length() - 5));
        if (!problems.isEmpty()) {
            throw new ProgramConfigException(file + " is invalid:\n  - " + String.join("\n  - ", problems));
        }
        return program;
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
