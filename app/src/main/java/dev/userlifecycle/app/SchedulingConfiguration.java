package dev.userlifecycle.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sweeps and recurring runs ({@code @Scheduled}) are on; tests call them directly with a moved clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
