package dev.accordhub.sandbox.hubspot;

import java.util.List;

/** One property of a HubSpot object type. Every value travels as a string; the type decides checks and ordering. */
record HubSpotProperty(String name, Type type, List<String> options, boolean readOnly) {

    enum Type { STRING, NUMBER, DATETIME, ENUMERATION }

    HubSpotProperty {
        options = List.copyOf(options);
    }

    static HubSpotProperty text(String name) {
        return new HubSpotProperty(name, Type.STRING, List.of(), false);
    }

    static HubSpotProperty number(String name) {
        return new HubSpotProperty(name, Type.NUMBER, List.of(), false);
    }

    static HubSpotProperty datetime(String name) {
        return new HubSpotProperty(name, Type.DATETIME, List.of(), false);
    }

    static HubSpotProperty enumeration(String name, List<String> options) {
        return new HubSpotProperty(name, Type.ENUMERATION, options, false);
    }

    /** Maintained by HubSpot itself: {@code hs_object_id} and the last-modified stamp. */
    static HubSpotProperty system(String name, Type type) {
        return new HubSpotProperty(name, type, List.of(), true);
    }
}
