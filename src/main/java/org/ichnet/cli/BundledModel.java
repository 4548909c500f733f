package org.ichnet.cli;

import org.ichnet.predict.ShippedModels;

/** The shipped ensemble's folder as this package names it (the one model for every input: {@link ShippedModels}). */
final class BundledModel {

    static final String RELATIVE = ShippedModels.DEFAULT;

    private BundledModel() {
    }
}
