package dev.accordhub.routes.consolidate.identity;

/** An identity command that cannot be carried out as asked (unknown record, nothing to unmerge...). */
public class IdentityCommandException extends RuntimeException {

    public IdentityCommandException(String message) {
        super(message);
    }
}
