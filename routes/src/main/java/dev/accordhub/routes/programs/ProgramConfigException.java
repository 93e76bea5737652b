package dev.accordhub.routes.programs;

/** A program file that cannot be used; the message names the file and the field. Fails start-up. */
public class ProgramConfigException extends RuntimeException {

    public ProgramConfigException(String message) {
        super(message);
    }

    public ProgramConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
