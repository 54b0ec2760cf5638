// `sqlx::migrate!` embeds the migrations at compile time but does not notice a new file:
// tell cargo to rebuild when anything under migrations/ changes.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
