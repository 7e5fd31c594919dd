package dev.userlifecycle.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Sweeps and recurring runs ({@code @Scheduled}) are on, on threads of their own; tests call them directly with a
 * moved clock.
 * <p>
 * Without a scheduler of its own, Spring runs {@code @Scheduled} methods on the one {@code ScheduledExecutorService}
 * bean it finds, and Spring Boot then configures none: here the two threads that retry commands after a lost
 * concurrency race, which then waited behind an analytics flush or a layering run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    static final String THREAD_PREFIX = "scheduled-";

    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix(THREAD_PREFIX);
        return scheduler;
    }
}
