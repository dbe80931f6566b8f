package nl.knooppunt.gateway.time;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Dutch working days (werkdagen): Monday to Friday except the public holidays of the Netherlands
 * as the maintained Jollyday calendar knows them (New Year, Easter Monday, King's Day, Liberation
 * Day, Ascension, Whit Monday, Christmas). Good Friday is an observance there, not a public
 * holiday, so it counts as a working day.
 */
@Component
public class WorkingDayCalendar {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));
    private final ZoneId zone;

    @Autowired
    WorkingDayCalendar(TimeProperties time) {
        this(time.zone());
    }

    public WorkingDayCalendar(ZoneId zone) {
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
    }

    /** The n-th working day after the given day (the day itself does not count). */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /**
     * The moment the n-th working day after {@code from} ends, in Dutch time: a message delivered
     * on Monday with 5 working days to go may be handled until the end of the next Monday, or
     * later when holidays intervene.
     */
    public Instant endOfWorkingDaysAfter(Instant from, int n) {
        LocalDate last = workingDaysAfter(from.atZone(zone).toLocalDate(), n);
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
