package dev.accordhub.routes.consolidate.match;

/**
 * What the index says about how common the probe's name is, as the matcher counts it among the candidates.
 *
 * @param commonWord      the probe's name when it is a single own word that many records in its country start
 *                        with; null otherwise or when unknown
 * @param sameNameRecords how many candidates carry exactly the probe's normalised name; -1 when unknown (a pair
 *                        compared on its own)
 * @param rarestWordRecords how many indexed records carry the rarest of the probe's own words; -1 when unknown
 */
record NameContext(String commonWord, int sameNameRecords, int rarestWordRecords) {

    /** A pair compared without the index: nothing is known of the name's frequency. */
    static final NameContext UNKNOWN = new NameContext(null, -1, -1);

    /** Records of one company number three at most in three programs: the other two may share its name. */
    static final int OWN_RECORDS_BESIDES_PROBE = 2;

    /** True when no more records share the name than the company's own records in the other programs could. */
    boolean rareName() {
        return sameNameRecords >= 0 && sameNameRecords <= OWN_RECORDS_BESIDES_PROBE;
    }

    /**
     * True when one of the probe's own words is carried by no more records than the company's own records in the
     * other programs could be: an invented brand ("Kelzenraio"), not a surname or a dictionary word.
     */
    boolean rareWord() {
        return rarestWordRecords >= 0 && rarestWordRecords <= OWN_RECORDS_BESIDES_PROBE;
    }
}
