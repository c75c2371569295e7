package org.dermread.cases;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import org.dermread.Application;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.TestAccounts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server process of {@link HostileUploadTest}: DermRead on its own embedded database in a JVM with a small heap,
 * with one coordinator account. Prints its port, the coordinator's name and, every half second, the heap in use.
 */
public final class HostileUploadServer {

    private HostileUploadServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ConfigurableApplicationContext app = SpringApplication.run(Application.class,
                "--server.port=0", "--dermread.database.embedded.data-dir=" + dataDir.resolve("postgres"),
                "--logging.file.name=" + dataDir.resolve("app.log"),
                "--dermread.inference.register-demo-model=false", "--dermread.inference.worker.enabled=false",
                "--spring.main.banner-mode=off");
        Account coordinator = app.getBean(TestAccounts.class).create("hostile-coord", Role.COORDINATOR);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread heap = new Thread(() -> {
            while (true) {
                System.out.println("HEAP " + memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-report");
        heap.setDaemon(true);
        heap.start();
        System.out.println("PORT " + ((WebServerApplicationContext) app).getWebServer().getPort());
        System.out.println("USER " + coordinator.username());
        System.out.println("READY");
        System.out.flush();
        // runs until the test kills it
        Thread.currentThread().join();
    }
}
