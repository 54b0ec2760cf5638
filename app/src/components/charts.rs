//! Charts drawn on the server as SVG (no chart library in the browser). Each chart has a
//! text alternative: a title and description on the SVG and a table with the same numbers
//! next to it, so screen-reader users and printouts lose nothing.

use leptos::prelude::*;

/// One line on a radar chart: a series of values (None where there is no data), 1-based
/// on the chart's scale.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

const SIZE: f64 = 360.0;
const CENTRE: f64 = SIZE / 2.0;
const RADIUS: f64 = 120.0;

/// Where value `v` (0..=scale) on axis `i` of `n` sits. Axis 0 points up, then clockwise.
fn point(i: usize, n: usize, v: f64, scale: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * (v / scale).clamp(0.0, 1.0);
    (CENTRE + r * angle.cos(), CENTRE + r * angle.sin())
}

fn polygon(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A radar (spider) chart of dimension levels: one axis per dimension, one polygon per
/// series. Missing values are drawn at the centre.
#[component]
pub fn RadarChart(
    /// Short axis labels, one per dimension.
    axes: Vec<String>,
    series: Vec<RadarSeries>,
    scale: u8,
    /// Describes the chart for assistive technology ("Maturity per dimension ...").
    title: String,
) -> impl IntoView {
    let n = axes.len().max(3);
    let scale = f64::from(scale.max(1));
    let rings = (1..=scale as usize)
        .map(|level| {
            let points = polygon((0..n).map(|i| point(i, n, level as f64, scale)));
            view! { <polygon class="radar-ring" points=points/> }
        })
        .collect_view();
    let spokes = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, scale, scale);
            view! { <line class="radar-spoke" x1=CENTRE y1=CENTRE x2=format!("{x:.1}") y2=format!("{y:.1}")/> }
        })
        .collect_view();
    let labels = axes
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let (x, y) = point(i, n, scale * 1.12, scale);
            let anchor = if (x - CENTRE).abs() < 1.0 {
                "middle"
            } else if x > CENTRE {
                "start"
            } else {
                "end"
            };
            view! { <text class="radar-label" x=format!("{x:.1}") y=format!("{y:.1}") text-anchor=anchor>{label.clone()}</text> }
        })
        .collect_view();
    let shapes = series
        .iter()
        .enumerate()
        .map(|(s, line)| {
            let points = polygon((0..n).map(|i| {
                point(
                    i,
                    n,
                    line.values.get(i).copied().flatten().unwrap_or(0.0),
                    scale,
                )
            }));
            view! { <polygon class=format!("radar-series series-{}", s % 6) points=points/> }
        })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(s, line)| view! { <li><span class=format!("swatch series-{}", s % 6) aria-hidden="true"></span>{line.label.clone()}</li> })
        .collect_view();
    view! {
        <figure class="radar">
            <svg viewBox=format!("-70 0 {} {SIZE}", SIZE + 140.0) role="img" aria-label=title.clone()>
                <title>{title.clone()}</title>
                <g>{rings}{spokes}</g>
                <g>{shapes}</g>
                <g>{labels}</g>
            </svg>
            <figcaption><ul class="legend">{legend}</ul></figcaption>
        </figure>
    }
    .into_any()
}

/// A heat colour class for a level on a scale: `heat-1` (low) to `heat-5` (high).
pub fn heat_class(value: f64, scale: u8) -> String {
    let scale = f64::from(scale.max(2));
    let step = (((value - 1.0) / (scale - 1.0)) * 4.0)
        .round()
        .clamp(0.0, 4.0) as u8
        + 1;
    format!("heat heat-{step}")
}

/// One bar of a roadmap timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    pub title: String,
    /// The bar's tooltip: the whole title and its effort, in the reader's language.
    pub tooltip: String,
    pub done: bool,
}

/// One column of a roadmap timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePhase {
    pub label: String,
    pub items: Vec<TimelineItem>,
}

const TIMELINE_WIDTH: f64 = 960.0;
const TIMELINE_HEADER: f64 = 34.0;
const TIMELINE_ROW: f64 = 26.0;

/// Cuts a title to about `max` characters for a bar, with an ellipsis; the bar's tooltip
/// and the list beside the chart carry the whole title.
pub fn fit_title(title: &str, max: usize) -> String {
    if title.chars().count() <= max {
        return title.to_owned();
    }
    let cut: String = title.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The roadmap as a timeline: one column per phase, one bar per initiative in it (done
/// ones marked). Drawn as SVG on the server; prints as it shows.
#[component]
pub fn RoadmapTimeline(phases: Vec<TimelinePhase>, title: String) -> impl IntoView {
    let n = phases.len().max(1);
    let column = TIMELINE_WIDTH / n as f64;
    let rows = phases
        .iter()
        .map(|p| p.items.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let height = TIMELINE_HEADER + rows as f64 * TIMELINE_ROW + 8.0;
    // About 6.5 px per character at the bar's font size.
    let chars = ((column - 16.0) / 6.5).floor().max(4.0) as usize;
    let columns = phases
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let x = i as f64 * column;
            let bars = phase
                .items
                .iter()
                .enumerate()
                .map(|(row, item)| {
                    let y = TIMELINE_HEADER + row as f64 * TIMELINE_ROW;
                    let class = if item.done { "timeline-bar done" } else { "timeline-bar" };
                    let label = format!(
                        "{}{}",
                        if item.done { "✓ " } else { "" },
                        fit_title(&item.title, chars)
                    );
                    view! {
                        <g>
                            <title>{item.tooltip.clone()}</title>
                            <rect class=class x=format!("{:.1}", x + 4.0) y=format!("{y:.1}") width=format!("{:.1}", column - 8.0) height=TIMELINE_ROW - 4.0 rx="3"/>
                            <text class="timeline-text" x=format!("{:.1}", x + 10.0) y=format!("{:.1}", y + 15.5)>{label}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g>
                    <rect class=format!("timeline-column column-{}", i % 2) x=format!("{x:.1}") y="0" width=format!("{column:.1}") height=format!("{height:.1}")/>
                    <text class="timeline-phase" x=format!("{:.1}", x + 8.0) y="21">{fit_title(&phase.label, chars + 2)}</text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="timeline">
            <svg viewBox=format!("0 0 {TIMELINE_WIDTH} {height:.0}") role="img" aria-label=title.clone()>
                <title>{title.clone()}</title>
                {columns}
            </svg>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_axis_points_up_and_full_scale_reaches_the_radius() {
        let (x, y) = point(0, 8, 5.0, 5.0);
        assert!((x - CENTRE).abs() < 1e-9);
        assert!((y - (CENTRE - RADIUS)).abs() < 1e-9);
        let (x, _) = point(2, 8, 5.0, 5.0);
        assert!(
            (x - (CENTRE + RADIUS)).abs() < 1e-9,
            "a quarter turn points right"
        );
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(fit_title("Short", 10), "Short");
        assert_eq!(fit_title("A much longer title", 8), "A much…");
        assert_eq!(fit_title("数据统一到一个平台上", 5), "数据统一…");
    }

    #[test]
    fn heat_classes_span_the_scale() {
        assert_eq!(heat_class(1.0, 5), "heat heat-1");
        assert_eq!(heat_class(3.0, 5), "heat heat-3");
        assert_eq!(heat_class(5.0, 5), "heat heat-5");
        assert_eq!(heat_class(7.0, 5), "heat heat-5");
    }
}
