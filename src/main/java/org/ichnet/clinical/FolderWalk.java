package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a folder given to {@code predict} and every folder below it, depth first in natural name order: each
 * folder's own files become its scans (see {@link OwnScans}), then its subfolders are walked, whether or not it
 * had files of its own. A scan found below the given folder is named by its path relative to it, with {@code /}
 * ({@code CQ500CT0 CQ500CT0/Unknown Study/CT 4cm}); the given folder's own scan keeps the folder's name, so a
 * folder holding only files is named as before. Within one walk a repeated name gets {@code -2}, {@code -3}, ...
 *
 * <p>Symbolic links to folders are followed, but each folder is walked once: a link into the given folder (a loop
 * back to a folder above it, or a second way to one below) is not followed, since the folder it leads to is
 * walked there under its own name (or left out there as hidden), and of several links to one folder outside the
 * given one only the first is followed. A folder that cannot be listed is a problem naming it; the walk goes on
 * with the others.
 */
final class FolderWalk {

    /** The scans of one folder's own files: those of the folder named {@code name}, and of each NIfTI volume {@code prefix + its base name}. */
    @FunctionalInterface
    interface OwnScans {
        List<PendingScan> of(Path folder, FolderEntries entries, String name, String prefix);
    }

    private final OwnScans own;
    private final Path rootReal;
    private final List<PendingScan> found = new ArrayList<>();
    /** Real paths of the folders walked so far. */
    private final Set<Path> walked = new HashSet<>();

    private FolderWalk(OwnScans own, Path rootReal) {
        this.own = own;
        this.rootReal = rootReal;
    }

    /** The scans of {@code root} and of every folder below it, in walk order; empty when there is nothing to predict, nor any problem. */
    static List<PendingScan> walk(Path root, String rootName, OwnScans own) {
        Path rootReal;
        try {
            rootReal = root.toRealPath();
        } catch (IOException e) {
            return List.of(PendingScan.unreadable(rootName, root, List.of(new DataProblem(root, "cannot read folder: " + e.getMessage()))));
        }
        FolderWalk walk = new FolderWalk(own, rootReal);
        walk.folder(root, rootName, "", true);
        return uniqueNames(walk.found);
    }

    /** {@code given}: the folder the user named, walked even when it is itself a link (into its own real path). */
    private void folder(Path folder, String name, String prefix, boolean given) {
        FolderEntries entries;
        try {
            Path real = folder.toRealPath();
            boolean linkInside = !given && Files.isSymbolicLink(folder) && real.startsWith(rootReal);
            if (linkInside || !walked.add(real)) return; // walked (or left out) elsewhere: each folder once
            entries = FolderEntries.list(folder);
        } catch (IOException e) {
            problem(name, folder, "cannot read folder: " + e.getMessage());
            return;
        } catch (DataException e) {
            found.add(PendingScan.unreadable(name, folder, List.of(e.toProblem())));
            return;
        }
        found.addAll(own.of(folder, entries, name, prefix));
        for (Path sub : entries.subfolders()) {
            String subName = prefix + sub.getFileName();
            folder(sub, subName, subName + "/", false);
        }
    }

    private void problem(String name, Path folder, String problem) {
        found.add(PendingScan.unreadable(name, folder, List.of(new DataProblem(folder, problem))));
    }

    /** The scans, a name met again renamed {@code name-2}, {@code name-3}, ... (a folder's files beside a subfolder of its name, {@code a.nii} beside {@code a.nii.gz}). */
    private static List<PendingScan> uniqueNames(List<PendingScan> scans) {
        Set<String> used = new HashSet<>();
        List<PendingScan> unique = new ArrayList<>();
        for (PendingScan scan : scans) {
            String name = scan.name();
            for (int k = 2; !used.add(name); k++) name = scan.name() + "-" + k;
            unique.add(name.equals(scan.name()) ? scan : scan.named(name));
        }
        return unique;
    }
}
