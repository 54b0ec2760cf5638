"""Reference values of Krippendorff's alpha from the PyPI package `krippendorff`.

The Rust test `alpha_matches_the_krippendorff_package_on_random_data`
(app/src/domain/agreement.rs) pipes its data sets to this script and compares.

stdin:  {"datasets": [{"metric": "nominal" | "ordinal" | "interval",
                       "units": [[value or null, ...], ...]}, ...]}
        units[u][r] is rater r's value for unit u (null = missing).
stdout: {"alphas": [float or null, ...]}, one entry per data set, in order.

null means alpha is undefined. The package says so in two ways, and both become null:
- it returns NaN when the expected disagreement is 0 (0 / 0);
- it raises ValueError when the data have fewer than two distinct values or no unit
  with two or more values. Only those two messages are taken to mean "undefined";
  any other error propagates, so the Rust test fails loudly instead of comparing
  against nothing.

./test installs the package into .tools/py (see ensure_python_reference in
.ci/tools.sh) and points REVALIGN_PYTHON at that interpreter.
"""

import json
import math
import sys

import krippendorff
import numpy as np

# The package's own words for data on which alpha is undefined (krippendorff 0.9.0).
UNDEFINED_MESSAGES = (
    "There has to be more than one value in the domain.",
    "There has to be at least one unit with values assigned by at least two coders.",
)


def alpha(dataset):
    units = dataset["units"]
    # The package wants raters x units, with np.nan for missing values.
    matrix = np.array(
        [[np.nan if v is None else float(v) for v in row] for row in units],
        dtype=float,
    ).T
    try:
        # 0 / 0 is the package's NaN for "undefined": no need for numpy to warn about it.
        with np.errstate(invalid="ignore", divide="ignore"):
            value = float(
                krippendorff.alpha(
                    reliability_data=matrix,
                    level_of_measurement=dataset["metric"],
                )
            )
    except ValueError as error:
        if str(error) in UNDEFINED_MESSAGES:
            return None
        raise
    return value if math.isfinite(value) else None


def main():
    request = json.load(sys.stdin)
    alphas = [alpha(d) for d in request["datasets"]]
    # allow_nan=False: a NaN must never reach the Rust side as a bare `NaN` token.
    json.dump({"alphas": alphas}, sys.stdout, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
