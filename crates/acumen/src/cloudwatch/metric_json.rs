//! The AWS CLI's own output, JSON, to series: `aws cloudwatch
//! get-metric-data` and `aws cloudwatch get-metric-statistics`.
//!
//! ```text
//! get-metric-data:       { "MetricDataResults": [ { "Id", "Label", "Timestamps": [newest first],
//!                          "Values": [...], "StatusCode", "Messages" } ], "Messages", "NextToken" }
//! get-metric-statistics: { "Label", "Datapoints": [ { "Timestamp", "Average" | "Maximum" |
//!                          "Minimum" | "Sum" | "SampleCount", "ExtendedStatistics", "Unit" } ] }
//! ```
//!
//! Responses may follow one another (pages written one after the other) or
//! sit in one array (`jq -s`); the series of every page are joined by name.
//! Errors carry the JSON path of the value at fault
//! (`MetricDataResults[1].Values[17]`) as well as its line and column.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::json::{self, Node, Value};
use super::series::{ReadError, Series, new_series, short_name};
use super::time::parse_time;

/// Which statistic of a `get-metric-statistics` datapoint is the value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Statistic {
    /// `Average`: the mean over the period (what billing and the console use).
    #[default]
    Average,
    /// `Maximum`.
    Maximum,
    /// `Minimum`.
    Minimum,
    /// `Sum`.
    Sum,
    /// `SampleCount`.
    SampleCount,
    /// A key of `ExtendedStatistics`, such as `p99`.
    Extended(String),
}

/// The statistics a datapoint may hold besides extended ones.
const NAMED: [(&str, Statistic); 5] = [
    ("Average", Statistic::Average),
    ("Maximum", Statistic::Maximum),
    ("Minimum", Statistic::Minimum),
    ("Sum", Statistic::Sum),
    ("SampleCount", Statistic::SampleCount),
];

impl Statistic {
    /// `Average`, `Maximum`, `Minimum`, `Sum` or `SampleCount` (in any
    /// case), else a percentile or other extended statistic as CloudWatch
    /// names it (`p99`, `tm90`).
    ///
    /// ```
    /// use acumen::cloudwatch::Statistic;
    /// assert_eq!(Statistic::parse("maximum"), Ok(Statistic::Maximum));
    /// assert_eq!(Statistic::parse("p99"), Ok(Statistic::Extended("p99".into())));
    /// assert!(Statistic::parse("p 99").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// An empty name, or one with characters CloudWatch's names do not use.
    pub fn parse(name: &str) -> Result<Statistic, String> {
        if let Some((_, s)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Ok(s.clone());
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || "._:%()".contains(c);
        if name.is_empty() || name.len() > 32 || !name.chars().all(allowed) {
            return Err(format!(
                "expected Average, Maximum, Minimum, Sum, SampleCount or an extended statistic such as p99, got {name:?}"
            ));
        }
        Ok(Statistic::Extended(name.to_string()))
    }

    /// The name as CloudWatch writes it.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Statistic::Extended(name) => name,
            named => NAMED
                .iter()
                .find(|(_, s)| s == named)
                .map_or("", |(n, _)| n),
        }
    }

    /// This statistic's value in a datapoint.
    fn of<'n, 'a>(&self, point: &'n Value<'a>) -> Option<&'n Node<'a>> {
        match self {
            Statistic::Extended(key) => point.get("ExtendedStatistics")?.value.get(key),
            named => point.get(named.name()),
        }
    }
}

/// The statistics a datapoint has, by name.
fn statistics_in(point: &Value<'_>) -> Vec<String> {
    let mut names: Vec<String> = NAMED
        .iter()
        .filter(|(n, _)| point.get(n).is_some())
        .map(|(n, _)| n.to_string())
        .collect();
    if let Some(Node {
        value: Value::Object(extended),
        ..
    }) = point.get("ExtendedStatistics")
    {
        names.extend(extended.iter().map(|(k, _)| k.to_string()));
    }
    names
}

/// Reads the JSON responses in `text` into series (see the module's text).
pub(super) fn read(
    text: &str,
    stem: &str,
    statistic: &Statistic,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Series>, ReadError> {
    let documents = json::documents(text, progress).map_err(|e| {
        let (line, column) = json::line_and_column(text, e.at);
        ReadError::at(line, column, None, e.message)
    })?;
    let mut reader = Reader {
        text,
        stem,
        statistic,
        series: Vec::new(),
    };
    let mut last = None;
    for document in &documents {
        match &document.value {
            Value::Array(responses) => {
                for (i, response) in responses.iter().enumerate() {
                    reader.response(response, &format!("[{i}]"))?;
                    last = Some(response);
                }
            }
            _ => {
                reader.response(document, "")?;
                last = Some(document);
            }
        }
    }
    if let Some(Node {
        value: Value::String(token),
        ..
    }) = last.and_then(|r| r.value.get("NextToken"))
        && !token.is_empty()
    {
        reader.note_all(0, "the last response has a NextToken: CloudWatch holds more data than the file (run the AWS CLI without --no-paginate or --max-items, or append the next pages)");
    }
    reader.series.retain(|s| !s.samples.is_empty());
    if reader.series.is_empty() {
        return Err(ReadError::whole(
            "no samples: CloudWatch returned no data points (check the dimensions, the period and the time range: 1-minute data is kept for 15 days, 5-minute for 63, hourly for 455)",
        ));
    }
    Ok(reader.series)
}

/// The series being filled, response by response.
struct Reader<'t> {
    text: &'t str,
    stem: &'t str,
    statistic: &'t Statistic,
    series: Vec<Series>,
}

impl<'t> Reader<'t> {
    fn error(&self, node: &Node<'_>, path: &str, message: impl Into<String>) -> ReadError {
        let (line, column) = json::line_and_column(self.text, node.at);
        let path = (!path.is_empty()).then(|| path.to_string());
        ReadError::at(line, column, path, message.into())
    }

    /// `node` if it is an array.
    fn array<'n, 'a>(&self, node: &'n Node<'a>, path: &str) -> Result<&'n [Node<'a>], ReadError> {
        match &node.value {
            Value::Array(items) => Ok(items),
            other => Err(self.error(
                node,
                path,
                format!("expected an array, found {}", other.kind()),
            )),
        }
    }

    /// The string member `key` of `object`, if there is one.
    fn string<'n>(
        &self,
        object: &'n Node<'_>,
        path: &str,
        key: &str,
    ) -> Result<Option<&'n str>, ReadError> {
        match object.value.get(key) {
            None
            | Some(Node {
                value: Value::Null, ..
            }) => Ok(None),
            Some(Node {
                value: Value::String(s),
                ..
            }) => Ok(Some(s)),
            Some(other) => Err(self.error(
                other,
                &join(path, key),
                format!("expected a string, found {}", other.value.kind()),
            )),
        }
    }

    /// The member `key` of `object`, which must be there.
    fn member<'n, 'a>(
        &self,
        object: &'n Node<'a>,
        path: &str,
        key: &str,
        why: &str,
    ) -> Result<&'n Node<'a>, ReadError> {
        object
            .value
            .get(key)
            .ok_or_else(|| self.error(object, path, format!("no {key}: {why}")))
    }

    fn timestamp(&self, node: &Node<'_>, path: &str) -> Result<i64, ReadError> {
        let parsed = match &node.value {
            Value::String(s) => parse_time(s),
            // Whole Unix seconds, as some SDKs write them.
            Value::Number(n) if (-1e15..1e15).contains(n) && *n == (*n as i64) as f64 => {
                Some(*n as i64)
            }
            _ => None,
        };
        parsed.ok_or_else(|| {
            let shown = match &node.value {
                Value::String(s) => format!("{s:?}"),
                other => String::from(other.kind()),
            };
            self.error(node, path, format!("not a timestamp: {shown}"))
        })
    }

    fn value(&self, node: &Node<'_>, path: &str) -> Result<f64, ReadError> {
        match node.value {
            Value::Number(v) if v.is_finite() && v >= 0.0 => Ok(v),
            Value::Number(v) if v.is_finite() => {
                Err(self.error(node, path, format!("must not be negative: {v}")))
            }
            Value::Number(_) => Err(self.error(node, path, "not a finite number")),
            ref other => Err(self.error(
                node,
                path,
                format!("expected a number, found {}", other.kind()),
            )),
        }
    }

    /// Adds `note` to every series from index `first` on.
    fn note_all(&mut self, first: usize, note: &str) {
        for s in self.series.iter_mut().skip(first) {
            if !s.notes.iter().any(|n| n == note) {
                s.notes.push(note.to_string());
            }
        }
    }

    /// One response, at `path` (empty for a document of its own).
    fn response(&mut self, node: &Node<'_>, path: &str) -> Result<(), ReadError> {
        if !matches!(node.value, Value::Object(_)) {
            return Err(self.error(
                node,
                path,
                format!(
                    "expected a get-metric-data or get-metric-statistics response (an object), found {}",
                    node.value.kind()
                ),
            ));
        }
        let first = self.series.len();
        if let Some(results) = node.value.get("MetricDataResults") {
            self.metric_data(results, &join(path, "MetricDataResults"))?;
        } else if let Some(points) = node.value.get("Datapoints") {
            self.statistics(node, points, path)?;
        } else {
            return Err(self.error(
                node,
                path,
                "expected MetricDataResults (aws cloudwatch get-metric-data) or Datapoints (aws cloudwatch get-metric-statistics)",
            ));
        }
        for message in self.messages(node, path)? {
            self.note_all(first, &message);
        }
        Ok(())
    }

    /// `Messages: [{Code, Value}]` as sentences.
    fn messages(&self, node: &Node<'_>, path: &str) -> Result<Vec<String>, ReadError> {
        let Some(messages) = node.value.get("Messages") else {
            return Ok(Vec::new());
        };
        let path = join(path, "Messages");
        let mut said = Vec::new();
        for (i, message) in self.array(messages, &path)?.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let code = self.string(message, &at, "Code")?.unwrap_or("");
            let text = self.string(message, &at, "Value")?.unwrap_or("");
            said.push(format!("CloudWatch said: {code}: {text}"));
        }
        Ok(said)
    }

    /// `get-metric-data`'s results, at `path`.
    fn metric_data(&mut self, results: &Node<'_>, path: &str) -> Result<(), ReadError> {
        let results = self.array(results, path)?;
        let mut read = Vec::with_capacity(results.len());
        for (i, result) in results.iter().enumerate() {
            read.push(self.metric_data_result(result, &format!("{path}[{i}]"))?);
        }
        // Two results whose labels name the same thing (both the metric's
        // default label, say) are told apart by their ids.
        let names: Vec<String> = read.iter().map(|(s, _)| s.name.clone()).collect();
        for (series, id) in &mut read {
            let shared = names.iter().filter(|n| **n == series.name).count() > 1;
            if shared && !id.is_empty() {
                series.name.clone_from(id);
            }
        }
        // A page that completes a series answers an earlier page's PartialData.
        for (series, _) in &read {
            if !series.notes.iter().any(|n| n == PARTIAL_DATA) {
                for earlier in self.series.iter_mut().filter(|e| e.name == series.name) {
                    earlier.notes.retain(|n| n != PARTIAL_DATA);
                }
            }
        }
        self.series.extend(read.into_iter().map(|(s, _)| s));
        Ok(())
    }

    /// One `MetricDataResults` item and its id.
    fn metric_data_result(
        &self,
        result: &Node<'_>,
        path: &str,
    ) -> Result<(Series, String), ReadError> {
        let why = "each MetricDataResults item has Timestamps and Values";
        let times = self.member(result, path, "Timestamps", why)?;
        let times = self.array(times, &join(path, "Timestamps"))?;
        let values_node = self.member(result, path, "Values", why)?;
        let values_path = join(path, "Values");
        let values = self.array(values_node, &values_path)?;
        if times.len() != values.len() {
            return Err(self.error(
                values_node,
                &values_path,
                format!("{} values for {} timestamps", values.len(), times.len()),
            ));
        }
        let id = self.string(result, path, "Id")?.unwrap_or("");
        let label = self.string(result, path, "Label")?.unwrap_or("");
        let name = short_name(label)
            .or_else(|| short_name(id))
            .unwrap_or_else(|| String::from(self.stem));
        let mut series = new_series(name);
        series.cluster_level |= label.contains("DBClusterIdentifier");
        series.samples.reserve(times.len());
        for (k, (t, v)) in times.iter().zip(values).enumerate() {
            let t = self.timestamp(t, &format!("{path}.Timestamps[{k}]"))?;
            let v = self.value(v, &format!("{values_path}[{k}]"))?;
            series.samples.push((t, v));
        }
        self.status(result, path, &mut series)?;
        for message in self.messages(result, path)? {
            series.notes.push(message);
        }
        Ok((series, id.to_string()))
    }

    /// `StatusCode`: `Complete`; `PartialData` is said; a failed query is an
    /// error.
    fn status(&self, result: &Node<'_>, path: &str, series: &mut Series) -> Result<(), ReadError> {
        match self.string(result, path, "StatusCode")? {
            None | Some("Complete") => Ok(()),
            Some("PartialData") => {
                series.notes.push(String::from(PARTIAL_DATA));
                Ok(())
            }
            Some(code) => {
                let node = result.value.get("StatusCode").unwrap_or(result);
                Err(self.error(
                    node,
                    &join(path, "StatusCode"),
                    format!("CloudWatch could not answer this query: {code}"),
                ))
            }
        }
    }

    /// A `get-metric-statistics` response (`node`), its datapoints `points`.
    fn statistics(
        &mut self,
        node: &Node<'_>,
        points: &Node<'_>,
        path: &str,
    ) -> Result<(), ReadError> {
        let label = self.string(node, path, "Label")?.unwrap_or("");
        let points_path = join(path, "Datapoints");
        let points = self.array(points, &points_path)?;
        let name = short_name(label).unwrap_or_else(|| String::from(self.stem));
        let mut series = new_series(name);
        let chosen = self.statistic.name();
        let mut others: Vec<String> = Vec::new();
        for (i, point) in points.iter().enumerate() {
            let at = format!("{points_path}[{i}]");
            let time = self.member(point, &at, "Timestamp", "each datapoint has a Timestamp")?;
            let t = self.timestamp(time, &join(&at, "Timestamp"))?;
            let Some(value) = self.statistic.of(&point.value) else {
                let has = statistics_in(&point.value);
                let message = if has.is_empty() {
                    format!("no {chosen} in this datapoint, nor any other statistic")
                } else {
                    format!(
                        "no {chosen} in this datapoint; it has {} (choose one of those statistics)",
                        has.join(", ")
                    )
                };
                return Err(self.error(point, &at, message));
            };
            let v = self.value(value, &join(&at, chosen))?;
            series.samples.push((t, v));
            if others.is_empty() {
                others = statistics_in(&point.value);
                others.retain(|s| s != chosen);
            }
        }
        let also = if others.is_empty() {
            String::new()
        } else {
            format!("; the file also has {}", others.join(", "))
        };
        series.notes.push(format!(
            "the values are each datapoint's {chosen} (get-metric-statistics){also}"
        ));
        self.series.push(series);
        Ok(())
    }
}

/// What a `PartialData` status means, said until a later page completes the
/// series.
const PARTIAL_DATA: &str = "CloudWatch marked these data PartialData: the query returned only part of the period (the AWS CLI fetches the rest when it paginates; without it, append the next pages)";

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn series(text: &str) -> Result<Vec<Series>, String> {
        read(text, "stem", &Statistic::Average, &mut |_| {}).map_err(|e| e.to_string())
    }

    fn names_and_notes(text: &str) -> Vec<(String, Vec<String>)> {
        let read = series(text).unwrap();
        read.into_iter().map(|s| (s.name, s.notes)).collect()
    }

    const T0: &str = "\"2026-09-01T00:01:00+00:00\", \"2026-09-01T00:00:00+00:00\"";

    fn result(id: &str, label: &str, status: &str) -> String {
        format!(
            r#"{{"Id": "{id}", "Label": "{label}", "Timestamps": [{T0}], "Values": [2, 1.5], "StatusCode": "{status}"}}"#
        )
    }

    #[test]
    fn results_are_named_by_label_then_id() {
        let text = format!(
            r#"{{"MetricDataResults": [{}, {}, {}], "Messages": []}}"#,
            result("w", "app-writer ServerlessDatabaseCapacity", "Complete"),
            result("r1", "CPUUtilization", "Complete"),
            result("r2", "CPUUtilization", "Complete"),
        );
        let read = series(&text).unwrap();
        let names: Vec<&str> = read.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["app-writer", "r1", "r2"]);
        assert_eq!(
            read[0].samples,
            vec![(1_788_220_860, 2.0), (1_788_220_800, 1.5)]
        );
        let text = format!(
            r#"{{"MetricDataResults": [{}]}}"#,
            result("m1", "", "Complete")
        );
        assert_eq!(series(&text).unwrap()[0].name, "m1");
        let text = format!(
            r#"{{"MetricDataResults": [{}]}}"#,
            result("m1", "DBClusterIdentifier=app", "Complete")
        );
        assert!(series(&text).unwrap()[0].cluster_level);
    }

    #[test]
    fn partial_data_next_token_and_messages_are_said() {
        let text = format!(
            r#"{{"MetricDataResults": [{}], "NextToken": "abc",
                "Messages": [{{"Code": "MaxMetricsExceeded", "Value": "too many"}}]}}"#,
            result("w", "writer", "PartialData")
        );
        let notes = &names_and_notes(&text)[0].1;
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert_eq!(notes[0], PARTIAL_DATA);
        assert_eq!(notes[1], "CloudWatch said: MaxMetricsExceeded: too many");
        assert!(notes[2].starts_with("the last response has a NextToken"));
    }

    #[test]
    fn statistics_choose_one_and_say_which() {
        let text = r#"{"Label": "CPUUtilization", "Datapoints": [
            {"Timestamp": "2026-09-01T00:01:00Z", "Maximum": 4, "Average": 3,
             "ExtendedStatistics": {"p99": 3.9}, "Unit": "Percent"}]}"#;
        let p99 = Statistic::parse("p99").unwrap();
        let got = read(text, "db-1", &p99, &mut |_| {}).unwrap();
        assert_eq!((got[0].name.as_str(), got[0].samples[0].1), ("db-1", 3.9));
        assert_eq!(
            got[0].notes,
            [
                "the values are each datapoint's p99 (get-metric-statistics); the file also has Average, Maximum"
            ]
        );
        let error = read(text, "db-1", &Statistic::Sum, &mut |_| {}).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2, column 13: at Datapoints[0]: no Sum in this datapoint; it has Average, Maximum, p99 (choose one of those statistics)"
        );
        assert_eq!(Statistic::parse("SAMPLECOUNT"), Ok(Statistic::SampleCount));
        assert_eq!(Statistic::Extended("tm90".into()).name(), "tm90");
        assert!(Statistic::parse("").is_err());
    }

    #[test]
    fn what_cannot_be_read_is_named_by_its_path() {
        let cases: [(&str, &str); 9] = [
            (
                "[1]",
                "line 1, column 2: at [0]: expected a get-metric-data or get-metric-statistics response (an object), found a number",
            ),
            (
                "{}",
                "line 1, column 1: expected MetricDataResults (aws cloudwatch get-metric-data) or Datapoints (aws cloudwatch get-metric-statistics)",
            ),
            (
                r#"{"MetricDataResults": {}}"#,
                "line 1, column 23: at MetricDataResults: expected an array, found an object",
            ),
            (
                r#"{"MetricDataResults": [{"Id": "a", "Values": []}]}"#,
                "line 1, column 24: at MetricDataResults[0]: no Timestamps: each MetricDataResults item has Timestamps and Values",
            ),
            (
                r#"{"MetricDataResults": [{"Timestamps": ["2026-09-01T00:00:00Z"], "Values": []}]}"#,
                "line 1, column 75: at MetricDataResults[0].Values: 0 values for 1 timestamps",
            ),
            (
                r#"{"MetricDataResults": [{"Timestamps": ["noon"], "Values": [1]}]}"#,
                "line 1, column 40: at MetricDataResults[0].Timestamps[0]: not a timestamp: \"noon\"",
            ),
            (
                r#"{"MetricDataResults": [{"Timestamps": [1788220800], "Values": [-1]}]}"#,
                "line 1, column 64: at MetricDataResults[0].Values[0]: must not be negative: -1",
            ),
            (
                r#"{"MetricDataResults": [{"Id": 7, "Timestamps": [], "Values": []}]}"#,
                "line 1, column 31: at MetricDataResults[0].Id: expected a string, found a number",
            ),
            (
                r#"{"MetricDataResults": [{"Timestamps": [], "Values": [], "StatusCode": "Forbidden"}]}"#,
                "line 1, column 71: at MetricDataResults[0].StatusCode: CloudWatch could not answer this query: Forbidden",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(series(text).unwrap_err(), message, "{text}");
        }
        assert!(
            series(r#"{"Datapoints": []}"#)
                .unwrap_err()
                .starts_with("no samples: CloudWatch returned no data points")
        );
        assert_eq!(
            series("{\"MetricDataResults\": [1,}").unwrap_err(),
            "line 1, column 26: expected a JSON value, found '}'"
        );
    }
}
