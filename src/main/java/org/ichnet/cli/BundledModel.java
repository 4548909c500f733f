package org.ichnet.cli;

import org.ichnet.predict.ShippedModels;

/** The shipped ensembles' folders as this package names them; which one predicts what: {@link ShippedModels}. */
final class BundledModel {

    static final String RELATIVE = ShippedModels.BRAIN;
    static final String BRAIN_BONE_RELATIVE = ShippedModels.BRAIN_BONE;

    private BundledModel() {
    }
}
