package dev.accordhub.model.program;

/** A source record that cannot become a canonical record: the message says which field and why. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
