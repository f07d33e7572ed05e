# Django ships no format module for Armenian. Eastern Armenian conventions: the year followed by
# "թ.", then the genitive month name and the day ("2026 թ. նոյեմբերի 27"), as the site's texts
# write dates; a no-break space groups thousands and a comma marks decimals.
DATE_FORMAT = "Y թ. E j"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y թ. E j, H:i"
YEAR_MONTH_FORMAT = "Y թ. F"
MONTH_DAY_FORMAT = "E j"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
