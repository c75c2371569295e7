package org.dermread.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dermread.Application;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountId;
import org.dermread.accounts.Role;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.reading.SaveOutcome;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server process of {@link KillHarnessTest}: DermRead on its embedded database with readers answering through
 * the quiz's service. An answer is written to the journal (and forced to disk) only after the service returned,
 * i.e. only answers the reader would have been shown as saved. Killed with SIGKILL at random moments.
 */
public final class KillHarnessChild {

    static final int READERS = 4;
    static final int CASES = 30;

    private KillHarnessChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path journal = Path.of(args[1]);
        ConfigurableApplicationContext app = SpringApplication.run(Application.class,
                "--server.port=0", "--dermread.database.embedded.data-dir=" + dataDir.resolve("postgres"),
                "--dermread.demo.mode=off", "--logging.file.name=" + dataDir.resolve("app.log"),
                "--dermread.inference.register-demo-model=false", "--dermread.inference.worker.enabled=false",
                "--spring.main.banner-mode=off");
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<Long> participations = jdbc.sql("select p.id from participation p join study s on s.id = p.study_id "
                + "where s.name like 'Test study%' order by p.id").query(Long.class).list();
        if (participations.isEmpty()) {
            Account coordinator = app.getBean(TestAccounts.class).create("kill-coord", Role.COORDINATOR);
            var study = app.getBean(TestStudies.class).openStudy(coordinator, CASES,
                    List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW"), TestStudies.Options.defaults());
            for (int r = 0; r < READERS; r++) {
                Account reader = app.getBean(TestAccounts.class).create("kill-reader", Role.READER);
                app.getBean(TestStudies.class).giveProfile(reader, r);
                app.getBean(TestStudies.class).invite(study, reader, r);
            }
            participations = jdbc.sql("select p.id from participation p order by p.id").query(Long.class).list();
        }
        ReadingService reading = app.getBean(ReadingService.class);
        AccountRepository accounts = app.getBean(AccountRepository.class);
        System.out.println("READY");
        System.out.flush();
        List<Thread> threads = new ArrayList<>();
        try (FileChannel log = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            for (long participation : participations) {
                long readerId = jdbc.sql("select reader_id from participation where id = :p")
                        .param("p", participation).query(Long.class).single();
                Account reader = accounts.findById(new AccountId(readerId)).orElseThrow();
                Thread thread = new Thread(() -> read(reading, reader, participation, log));
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        System.out.println("DONE");
        app.close();
    }

    private static void read(ReadingService reading, Account reader, long participation, FileChannel log) {
        SignIn.as(reader);
        Random random = new Random(participation);
        List<String> labels = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");
        reading.open(participation, Phase.UNAIDED);
        var next = reading.next(participation, Phase.UNAIDED);
        while (next.isPresent()) {
            long caseId = next.get().caseId();
            String diagnosis = labels.get(Math.floorMod(Long.hashCode(caseId * 31 + participation), labels.size()));
            SaveOutcome outcome = reading.answer(participation, Phase.UNAIDED, caseId, diagnosis, null);
            if (outcome == SaveOutcome.SAVED) {
                journal(log, participation + "," + caseId + "," + diagnosis + "\n");
            }
            try {
                Thread.sleep(20 + random.nextInt(60));
            } catch (InterruptedException e) {
                return;
            }
            next = reading.next(participation, Phase.UNAIDED);
        }
    }

    private static synchronized void journal(FileChannel log, String line) {
        try {
            log.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            log.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
