package org.ichnet.data;

/** The raw per-slice annotation of CT-ICH: five hemorrhage types and skull fracture. */
public record HemorrhageFlags(boolean intraventricular, boolean intraparenchymal, boolean subarachnoid,
                              boolean epidural, boolean subdural, boolean fracture) {

    public static final HemorrhageFlags NONE = new HemorrhageFlags(false, false, false, false, false, false);

    /** Number of hemorrhage types marked on the slice (fracture is not a hemorrhage type). */
    public int typeCount() {
        return (intraventricular ? 1 : 0) + (intraparenchymal ? 1 : 0) + (subarachnoid ? 1 : 0)
                + (epidural ? 1 : 0) + (subdural ? 1 : 0);
    }

    public boolean anyHemorrhage() {
        return typeCount() > 0;
    }

    /** The paper's ICH class groups the three intra-axial types. */
    public boolean intraAxial() {
        return intraventricular || intraparenchymal || subarachnoid;
    }

    public boolean has(HemorrhageClass c) {
        return switch (c) {
            case NORMAL -> !anyHemorrhage();
            case ICH -> intraAxial();
            case SDH -> subdural;
            case EDH -> epidural;
        };
    }
}
