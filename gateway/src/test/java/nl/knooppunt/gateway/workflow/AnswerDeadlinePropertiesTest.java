package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The answer-term settings: their defaults, and a gateway that will not start with a term that makes no sense. */
class AnswerDeadlinePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AnswerDeadlineProperties.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void tenWorkingDaysAReminderTwoBeforeAScanEveryMinuteByDefault() {
        runner.run(context -> assertThat(context.getBean(AnswerDeadlineProperties.class))
                .isEqualTo(new AnswerDeadlineProperties(10, 2, Duration.ofMinutes(1), 200)));
    }

    @Test
    void aReminderOutsideTheTermOrNoTermAtAllIsRefusedAtStartUp() {
        runner.withPropertyValues("knooppunt.workflow.answer-term-working-days=5",
                        "knooppunt.workflow.reminder-working-days-before=5")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("reminder-working-days-before must be less than answer-term-working-days"));
        runner.withPropertyValues("knooppunt.workflow.answer-term-working-days=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("knooppunt.workflow.reminder-working-days-before=0")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
