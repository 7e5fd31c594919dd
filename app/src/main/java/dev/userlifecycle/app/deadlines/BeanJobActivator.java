package dev.userlifecycle.app.deadlines;

import org.jobrunr.server.JobActivator;
import org.springframework.beans.factory.BeanFactory;

/** JobRunr runs a job by calling a method on a bean: for deadlines, {@code JobRunrDeadlineManager.execute}. */
class BeanJobActivator implements JobActivator {

    private final BeanFactory beans;

    BeanJobActivator(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public <T> T activateJob(Class<T> type) {
        return beans.getBean(type);
    }
}
