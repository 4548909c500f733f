package org.ichnet.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MembersTest {

    @Test
    void trainingSaysHowEachKindOfMemberWasTrained() {
        assertEquals("from scratch", Members.training(Members.PAPER_LINEUP));
        assertEquals("pretrained members fine-tuned", Members.training(Members.BACKBONE_LINEUP));
        assertEquals("probed backbones frozen, with linear heads",
                Members.training(List.of("mobilenet_v1_probe", "mobilenet_v2_probe", "model3")));
        assertEquals("pretrained members fine-tuned; probed backbones frozen, with linear heads",
                Members.training(List.of("mobilenet_v1", "mobilenet_v2_probe", "model3")));
    }
}
