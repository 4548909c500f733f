package org.ichnet.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DiagnosisCsvTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path csv = dir.resolve("hemorrhage_diagnosis.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void readsBomCrlfAndLastLineWithoutNewline() throws IOException {
        Path csv = write("\uFEFFPatientNumber,SliceNumber,Intraventricular,Intraparenchymal,Subarachnoid,Epidural,Subdural,No_Hemorrhage,Fracture_Yes_No\r\n"
                + "49,1,0,0,0,0,0,1,0\r\n49,2,0,1,0,1,0,0,1");
        List<DiagnosisCsv.Row> rows = DiagnosisCsv.read(csv);
        assertEquals(2, rows.size());
        assertEquals("49", rows.get(0).patient());
        assertEquals(HemorrhageFlags.NONE, rows.get(0).flags());
        DiagnosisCsv.Row last = rows.get(1);
        assertEquals(2, last.sliceNumber());
        assertEquals(3, last.line());
        assertEquals(new HemorrhageFlags(false, true, false, true, false, true), last.flags());
    }

    @Test
    void findsColumnsByNameInAnyOrderWithQuotesAndLf() throws IOException {
        Path csv = write("\"Subdural\",Epidural,\"Slice\"\"Number\",Note,SliceNumber,Subarachnoid,Intraparenchymal,Intraventricular,PatientNumber\n"
                + "1,0,x,\"a note, with comma\nand a line break\",7,0,0,0,\"051\"\n");
        List<DiagnosisCsv.Row> rows = DiagnosisCsv.read(csv);
        assertEquals(1, rows.size());
        assertEquals("051", rows.get(0).patient());
        assertEquals(7, rows.get(0).sliceNumber());
        assertTrue(rows.get(0).flags().subdural());
        assertFalse(rows.get(0).flags().fracture(), "no fracture column means no fracture");
    }

    @Test
    void quotedFieldsKeepCommasLineBreaksAndEscapedQuotes() throws IOException {
        Path csv = write("a,b\r\n\"x, \"\"y\"\"\",\"line1\r\nline2\"\r\nlast,row");
        CsvTable table = CsvTable.read(csv);
        assertEquals(List.of("a", "b"), table.header());
        assertEquals(List.of("x, \"y\"", "line1\r\nline2"), table.rows().get(0).values());
        assertEquals(4, table.rows().get(1).line(), "line numbers count the break inside the quoted field");
    }

    @Test
    void missingColumnsAreNamed() throws IOException {
        Path csv = write("PatientNumber,SliceNumber,Intraventricular,Intraparenchymal,Subarachnoid\r\n49,1,0,0,0");
        DataException e = assertThrows(DataException.class, () -> DiagnosisCsv.read(csv));
        assertEquals(csv, e.file());
        assertTrue(e.getMessage().contains("missing column(s) Epidural, Subdural"), e.getMessage());
    }

    @Test
    void badNumbersNameFileAndLine() throws IOException {
        String header = "PatientNumber,SliceNumber,Intraventricular,Intraparenchymal,Subarachnoid,Epidural,Subdural\n";
        Path slice = write(header + "49,1,0,0,0,0,0\n49,two,0,0,0,0,0\n");
        DataException e = assertThrows(DataException.class, () -> DiagnosisCsv.read(slice));
        assertTrue(e.getMessage().startsWith(slice + ": line 3: column SliceNumber"), e.getMessage());

        Path flag = write(header + "49,1,0,0,0,2,0\n");
        e = assertThrows(DataException.class, () -> DiagnosisCsv.read(flag));
        assertTrue(e.getMessage().contains("line 2: column Epidural: expected 0 or 1, got '2'"), e.getMessage());
    }

    @Test
    void duplicateSliceAndUnclosedQuoteAreErrors() throws IOException {
        String header = "PatientNumber,SliceNumber,Intraventricular,Intraparenchymal,Subarachnoid,Epidural,Subdural\n";
        Path dup = write(header + "49,1,0,0,0,0,0\n49,1,0,0,0,0,0\n");
        assertTrue(assertThrows(DataException.class, () -> DiagnosisCsv.read(dup)).getMessage().contains("line 3"));
        Path open = write(header + "\"49,1,0,0,0,0,0\n");
        assertTrue(assertThrows(DataException.class, () -> DiagnosisCsv.read(open)).getMessage().contains("never closed"));
    }
}
