package dev.userlifecycle.app;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingConfigurationTest {

    static final CompletableFuture<String> thread = new CompletableFuture<>();

    @Configuration(proxyBeanMethods = false)
    static class CommandRetries {

        @Bean(destroyMethod = "shutdown")
        ScheduledExecutorService commandRetryExecutor() {
            return Executors.newScheduledThreadPool(1, runnable -> new Thread(runnable, "command-retry"));
        }
    }

    static class RecurringTask {

        @Scheduled(fixedDelay = 10)
        void run() {
            thread.complete(Thread.currentThread().getName());
        }
    }

    @Test
    void scheduledMethodsRunOnTheirOwnThreadsNotOnTheCommandRetries() throws Exception {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.register(SchedulingConfiguration.class, CommandRetries.class, RecurringTask.class);
            context.refresh();

            assertThat(thread.get(10, TimeUnit.SECONDS)).startsWith(SchedulingConfiguration.THREAD_PREFIX);
        }
    }
}
