package dev.accordhub.sandbox.salesforce;

/**
 * Orders two stored values of one field. Text compares case-insensitively, as SOQL filters and sorts do; values of
 * different kinds (possible after {@code putRaw}) fall back to their text so a bad record cannot break a query.
 */
final class SoqlValueComparator {

    private SoqlValueComparator() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof String || b instanceof String || a.getClass() != b.getClass()
                || !(a instanceof Comparable)) {
            return String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
        }
        return ((Comparable) a).compareTo(b);
    }
}
