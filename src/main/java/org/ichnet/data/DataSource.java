package org.ichnet.data;

import java.nio.file.Path;

/**
 * One data folder of a run. {@code name} namespaces its patients when several sources are read together
 * ({@code phe-sich:0013} and {@code ct-ich:013} are two patients); it is the layout's name, with a number
 * added when two sources share a layout.
 */
public record DataSource(String name, Path root, String layout) {

    /** Between the source name and the patient id in a namespaced patient id. */
    public static final char SEPARATOR = ':';
}
