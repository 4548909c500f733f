package org.ichnet.split;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class QuotasTest {

    private static long count(Map<String, Role> roles, Role role) {
        return roles.values().stream().filter(r -> r == role).count();
    }

    @Test
    void tinyStrataGetTrainAndTestAndLargeOnesTheirShare() {
        List<String> four = List.of("s1", "s2", "s3", "s4");
        List<String> single = List.of("e1");
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) many.add("n" + i);
        Map<String, Role> roles = Quotas.deal(List.of(four, single, many), 0.15, 0.2);
        assertEquals(65, roles.size());
        Map<String, Role> sdh = roles.entrySet().stream().filter(e -> e.getKey().startsWith("s"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(1, count(sdh, Role.TEST));
        assertEquals(1, count(sdh, Role.VAL));
        assertEquals(2, count(sdh, Role.TRAIN));
        assertEquals(Role.TRAIN, roles.get("e1"), "a single patient is kept for training");
        assertEquals(13, count(roles, Role.TEST), "0.2 * 65");
        assertEquals(10, count(roles, Role.VAL), "0.15 * 65 = 9.75");
        assertEquals(Collections.emptyMap(), Quotas.deal(List.of(List.<String>of()), 0.1, 0.1));
    }
}
