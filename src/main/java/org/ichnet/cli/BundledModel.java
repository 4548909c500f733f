package org.ichnet.cli;

import org.ichnet.predict.ShippedModels;

/** The shipped ensembles' folders as this package names them; which one predicts what: {@link ShippedModels}. */
final class BundledModel {

    static final String RELATIVE = ShippedModels.DEFAULT;

    private BundledModel() {
    }
}
