package org.ichnet.data;

import org.junit.jupiter.api.Test;

import static org.ichnet.data.HemorrhageClass.*;
import static org.junit.jupiter.api.Assertions.*;

class LabelPriorityTest {

    private static HemorrhageFlags flags(boolean iv, boolean ip, boolean sa, boolean ep, boolean sd) {
        return new HemorrhageFlags(iv, ip, sa, ep, sd, false);
    }

    @Test
    void defaultOrderPrefersTheRarerClass() {
        LabelPriority p = LabelPriority.DEFAULT;
        assertEquals(NORMAL, p.classify(HemorrhageFlags.NONE));
        assertEquals(NORMAL, p.classify(new HemorrhageFlags(false, false, false, false, false, true)), "fracture alone is normal");
        assertEquals(ICH, p.classify(flags(true, false, false, false, false)));
        assertEquals(ICH, p.classify(flags(false, true, false, false, false)));
        assertEquals(ICH, p.classify(flags(false, false, true, false, false)));
        assertEquals(EDH, p.classify(flags(false, false, false, true, false)));
        assertEquals(SDH, p.classify(flags(false, false, false, false, true)));
        assertEquals(SDH, p.classify(flags(true, true, false, true, true)), "subdural + anything is SDH");
        assertEquals(EDH, p.classify(flags(false, true, true, true, false)), "epidural + intra-axial is EDH");
    }

    @Test
    void customOrderChangesMixedSlices() {
        LabelPriority ichFirst = LabelPriority.parse(" ich, edh ,SDH");
        assertEquals(java.util.List.of(ICH, EDH, SDH), ichFirst.order());
        assertEquals(ICH, ichFirst.classify(flags(false, true, false, true, true)));
        assertEquals(EDH, ichFirst.classify(flags(false, false, false, true, true)));
        assertEquals(SDH, ichFirst.classify(flags(false, false, false, false, true)));
        assertEquals("ICH,EDH,SDH", ichFirst.toString());
    }

    @Test
    void parseRejectsUnknownMissingOrRepeatedClasses() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelPriority.parse("SDH,EDH,SAH"))
                .getMessage().contains("SAH"));
        assertThrows(IllegalArgumentException.class, () -> LabelPriority.parse("SDH,EDH"));
        assertThrows(IllegalArgumentException.class, () -> LabelPriority.parse("SDH,SDH,ICH"));
        assertThrows(IllegalArgumentException.class, () -> LabelPriority.parse("SDH,EDH,ICH,NORMAL"));
    }
}
