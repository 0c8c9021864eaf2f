package org.ariadne.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ariadne.server.agencies.Agencies;
import org.ariadne.server.ingest.IngestService;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Accounts;
import org.ariadne.server.security.Role;
import org.ariadne.server.notices.Language;
import org.ariadne.server.notices.NoticeForm;
import org.ariadne.server.notices.Notices;
import org.ariadne.server.series.Person;
import org.ariadne.server.series.PersonKind;
import org.ariadne.server.series.SeriesCatalog;
import org.ariadne.server.series.Sharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo: three synthetic agencies (user-assigned country codes XA, XB, XC, which belong to no country),
 * their users, cases and series, filled with the benign reference photos, so that a new user sees
 * deconfliction work at once: agency XB uploads rotated copies of a bridge photo that agency XA's series
 * holds, and both are alerted that XA has identified the (synthetic) victim; XB's grey re-encoding of
 * XA's chair video is matched by vPDQ. Loaded once; a second start
 * with {@code --demo} only prints the logins again.
 */
@Component
@ConditionalOnProperty(name = "ariadne.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    /** Demo logins only: printed on the console, never used outside a demo data folder. */
    static final String PASSWORD = "ariadne-demo";

    private final Agencies agencies;
    private final Accounts accounts;
    private final SeriesCatalog catalog;
    private final IngestService ingest;
    private final Path reference;
    private final Environment environment;
    private final Notices notices;

    DemoData(Agencies agencies, Accounts accounts, SeriesCatalog catalog, IngestService ingest, Notices notices,
             @Value("${ariadne.demo.reference:../shared/reference}") Path reference, Environment environment) {
        this.notices = notices;
        this.agencies = agencies;
        this.accounts = accounts;
        this.catalog = catalog;
        this.ingest = ingest;
        this.reference = reference;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agencies.findByName("Northern Demo Police").isEmpty()) {
            load();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        System.out.printf("""

                Ariadne demo is running: open http://localhost:%s/ in a browser and sign in as bob
                (REST API under /api, OpenAPI at /api/docs). Demo logins (password "%s" for all):
                  alice   Northern Demo Police (XA)  contributor, specialist, agency administrator
                  bob     Southern Demo Bureau (XB)  contributor, specialist
                  carol   Eastern Demo Unit (XC)     contributor, specialist
                  audrey  Northern Demo Police (XA)  auditor
                  tariq   Northern Demo Police (XA)  translator (yellow notices)
                  rosa    Northern Demo Police (XA)  reviewer (yellow notices)
                Try: curl -u bob:%s http://localhost:%s/api/alerts
                %n""", port, PASSWORD, PASSWORD, port);
    }

    private void load() {
        Path pdq = reference.resolve("pdq");
        if (!Files.isDirectory(pdq) || !Files.isDirectory(reference.resolve("vpdq"))) {
            throw new IllegalStateException("the demo needs the reference photos and videos in " + reference
                    + " (give --reference DIR)");
        }
        LOG.info("loading the demo data from {}", reference);
        long xa = agencies.create("XA", "Northern Demo Police", "victim-id desk, +00 100 0001, vid@xa.example");
        long xb = agencies.create("XB", "Southern Demo Bureau", "child protection unit, +00 200 0002, cpu@xb.example");
        long xc = agencies.create("XC", "Eastern Demo Unit", "image analysis team, +00 300 0003, iat@xc.example");
        Account alice = user(xa, "alice", "Alice (XA)", EnumSet.of(Role.CONTRIBUTOR, Role.SPECIALIST, Role.AGENCY_ADMIN));
        Account bob = user(xb, "bob", "Bob (XB)", EnumSet.of(Role.CONTRIBUTOR, Role.SPECIALIST));
        Account carol = user(xc, "carol", "Carol (XC)", EnumSet.of(Role.CONTRIBUTOR, Role.SPECIALIST));
        user(xa, "audrey", "Audrey (XA)", EnumSet.of(Role.AUDITOR));
        Account tariq = user(xa, "tariq", "Tariq (XA)", EnumSet.of(Role.TRANSLATOR));
        Account rosa = user(xa, "rosa", "Rosa (XA)", EnumSet.of(Role.REVIEWER));

        // XA: the bridge series, victim identified
        long caseA = catalog.createCase(alice, "XA-2026-001", "Demo case: bridge series");
        long bridge = catalog.create(alice, caseA, "Bridge series", Sharing.ALL, List.of());
        upload(alice, caseA, bridge, List.of(pdq.resolve("bridge-mods/aaa-orig.jpg"),
                pdq.resolve("bridge-mods/blur-a-little.jpg")));
        catalog.addPerson(alice, bridge, PersonKind.VICTIM,
                new Person("XA-V1 (synthetic)", "unknown", "10-13", "XA", true, LocalDate.of(2025, 3, 14)));
        catalog.setStatus(alice, bridge, true, false, LocalDate.of(2025, 3, 14));
        Path videos = reference.resolve("vpdq").resolve("videos");
        long chair = catalog.create(alice, caseA, "Chair video", Sharing.ALL, List.of());
        upload(alice, caseA, chair, List.of(videos.resolve("chair-orig-22-sd-bar.mp4")));
        catalog.addPerson(alice, chair, PersonKind.VICTIM,
                new Person("XA-V2 (synthetic)", "unknown", "6-9", "XA", true, LocalDate.of(2026, 2, 2)));

        // XB: rotated and flipped copies of the same photo: deconfliction alerts for XA and XB
        long caseB = catalog.createCase(bob, "XB-2026-017", "Demo case: seized laptop");
        long rotated = catalog.create(bob, caseB, "Rotated bridge set", Sharing.ALL, List.of());
        upload(bob, caseB, rotated, files(pdq.resolve("reg-test-input/dih")));
        long clips = catalog.create(bob, caseB, "Video clips", Sharing.ALL, List.of());
        upload(bob, caseB, clips, List.of(videos.resolve("chair-22-sd-grey-bar.mp4"),
                videos.resolve("doorknob-hd-no-bar.mp4")));
        // more synthetic records, so that the dashboard's figures by country and year have something to show
        catalog.addPerson(bob, clips, PersonKind.VICTIM,
                new Person("XB-V1 (synthetic)", "unknown", "13-17", "XB", true, LocalDate.of(2024, 9, 30)));
        catalog.addPerson(bob, clips, PersonKind.VICTIM,
                new Person("XB-V2 (synthetic)", "unknown", "10-13", "XB", true, LocalDate.of(2026, 6, 1)));
        catalog.addPerson(bob, clips, PersonKind.OFFENDER,
                new Person("XB-O1 (synthetic)", "unknown", null, "XB", false, null));

        // XC: street scenes, not shared with anyone
        long caseC = catalog.createCase(carol, "XC-2026-042", "Demo case: street scenes");
        long streets = catalog.create(carol, caseC, "Street scenes", Sharing.OWNER, List.of());
        upload(carol, caseC, streets, files(pdq.resolve("reg-test-input/labelme-subset")));
        yellowNotices(alice, tariq, rosa);
    }

    /** Two synthetic missing-child notices of XA: one published in the four languages, one still on the clock. */
    private void yellowNotices(Account writer, Account translator, Account reviewer) {
        ZoneId zone = ZoneId.of("UTC");
        long published = notice(writer, "XA-YN-2026-001", "Lina", "Demo", "Last seen near a synthetic railway station.", zone);
        notices.submit(writer, published, zone);
        Map<Language, String> texts = Map.of(
                Language.FR, "Vue pour la dernière fois près d'une gare fictive.",
                Language.ES, "Vista por última vez cerca de una estación ficticia.",
                Language.AR, "شوهدت آخر مرة قرب محطة قطار وهمية.");
        texts.forEach((language, text) -> notices.translate(translator, published, language, text, null, zone));
        for (Language language : Language.values()) {
            notices.review(reviewer, published, language, zone);
        }
        notices.publish(writer, published, zone);
        long open = notice(writer, "XA-YN-2026-002", "Sami", "Example", "Last seen at a synthetic market square.", zone);
        notices.submit(writer, open, zone);
    }

    private long notice(Account writer, String reference, String given, String family, String description, ZoneId zone) {
        return notices.create(writer, new NoticeForm(reference, family, given, "unknown", LocalDate.of(2016, 5, 4),
                "Demo Town", "FR", List.of("FR"), 128, 26, "brown", "black", LocalDate.of(2026, 11, 20),
                "Demo Town", "FR", "missing-children desk, +00 100 0001, vid@xa.example", "en", description, null),
                zone).notice().id();
    }

    private Account user(long agency, String name, String display, Set<Role> roles) {
        accounts.create(agency, name, display, PASSWORD, roles);
        return accounts.loadUserByUsername(name);
    }

    private void upload(Account account, long caseId, long seriesId, List<Path> files) {
        ingest.submit(account, caseId, seriesId, files.stream()
                .map(file -> new IngestService.Upload(file.getFileName().toString(),
                        target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING)))
                .toList());
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
