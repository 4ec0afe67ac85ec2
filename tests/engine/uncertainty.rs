//! Monte Carlo bands and sensitivity: ordered bands, collapse when nothing varies,
//! reproducible seeds, and samples that follow the declared distributions.

use mapsim::catalog::{output as o, param, PARAMS, REGIONS};
use mapsim::model::run;
use mapsim::scenario::Scenario;
use mapsim::uncertainty::bands::{P25, P5, P50, P75, P95};
use mapsim::uncertainty::{dist, rng, swings, MonteCarlo, SwingRuns, Task};

/// A short run, so the tests stay quick: 400 households, 25 years.
fn short(region: usize) -> Scenario {
    let mut s = Scenario::for_region(&REGIONS[region]);
    s.set(param::HOUSEHOLDS, 400.0);
    s.set(param::HORIZON, 25.0);
    s
}

#[test]
fn bands_are_ordered_for_every_output_and_year() {
    for region in [0, 3] {
        let mc = MonteCarlo::new(&short(region), 3);
        let bands = mc.bands(30).expect("some draws run");
        assert_eq!(bands.draws + bands.failed, 30);
        for output in 0..mapsim::catalog::OUTPUT_COUNT {
            let levels = [P5, P25, P50, P75, P95].map(|l| bands.get(l, output));
            for t in 0..bands.years() {
                for pair in levels.windows(2) {
                    assert!(pair[0][t] <= pair[1][t], "output {output} year {t}");
                }
                assert!(levels.iter().all(|l| l[t].is_finite()));
            }
        }
    }
}

#[test]
fn bands_collapse_onto_the_central_run_when_every_parameter_is_held() {
    let s = short(0);
    let central = run(&s).expect("runs").scenario.series;
    let mc = MonteCarlo::holding_all(&s, 9);
    assert!(mc.varied().is_empty());
    let bands = mc.bands(5).expect("runs");
    for level in [P5, P25, P50, P75, P95] {
        for output in 0..central.nrows() {
            let central_row = central.row(output);
            assert_eq!(
                bands.get(level, output),
                central_row.as_slice().expect("rows")
            );
        }
    }
}

#[test]
fn parameters_the_user_moved_are_held_and_the_rest_vary() {
    let mut s = short(0);
    s.set_text("interest", "2.5");
    let mc = MonteCarlo::new(&s, 1);
    let interest = mapsim::catalog::param("interest").expect("exists").0;
    assert_eq!(mc.held(), &[interest]);
    assert!(mc.varied().iter().all(|(i, _)| *i != interest));
    assert!(mc.varied().len() >= 9);
    for n in 0..20 {
        assert_eq!(mc.scenario(Task::Draw(n)).get(interest), 2.5);
    }
}

#[test]
fn the_same_seed_gives_identical_bands_and_another_seed_does_not() {
    let s = short(1);
    let a = MonteCarlo::new(&s, 42).bands(12).expect("runs");
    let b = MonteCarlo::new(&s, 42).bands(12).expect("runs");
    assert_eq!(a, b);
    assert_eq!(a.fingerprint(), b.fingerprint());
    let c = MonteCarlo::new(&s, 43).bands(12).expect("runs");
    assert_ne!(a.fingerprint(), c.fingerprint());
}

/// The fingerprint the browser must reproduce: the wasm test (`tests/web`) and the app's
/// worker (end-to-end test) compare theirs with this file.
#[test]
fn bands_match_the_frozen_fingerprint_shared_with_the_browser_tests() {
    let frozen = include_str!("../bands_fingerprint.txt");
    let mut wrong = Vec::new();
    for line in frozen
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (case, expected) = line.split_once(' ').expect("'case fingerprint'");
        let (link, draws) = case.rsplit_once("&draws=").expect("draws");
        let (s, notices) = mapsim::scenario::query::decode(link);
        assert!(notices.is_empty(), "{link}");
        let bands = MonteCarlo::new(&s, 1)
            .bands(draws.parse().expect("number"))
            .expect("runs");
        let got = format!("{:016x}", bands.fingerprint());
        if got != expected {
            wrong.push(format!("{case} {got}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "fingerprints differ; if the model changed on purpose, tests/bands_fingerprint.txt \
         should read:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn samples_follow_each_declared_distribution() {
    const N: u64 = 20_000;
    for (index, spec) in PARAMS.iter().enumerate() {
        let Some(d) = spec.uncertain else { continue };
        let samples: Vec<f64> = (0..N)
            .map(|n| dist::quantile(&d, rng::uniform(5, n, index as u64)))
            .collect();
        let (low, high) = dist::support(&d);
        assert!(
            samples.iter().all(|x| (low..=high).contains(x)),
            "{}",
            spec.id
        );
        let mean = samples.iter().sum::<f64>() / N as f64;
        let var = samples.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (N - 1) as f64;
        let (true_mean, true_var) = dist::moments(&d);
        // Tolerance: the mean within 4 standard errors; the variance within 5 %.
        let se = (true_var / N as f64).sqrt();
        assert!(
            (mean - true_mean).abs() < 4.0 * se,
            "{}: mean {mean} vs {true_mean}",
            spec.id
        );
        assert!(
            (var / true_var - 1.0).abs() < 0.05,
            "{}: variance {var} vs {true_var}",
            spec.id
        );
    }
}

#[test]
fn swings_are_sorted_widest_first_and_point_the_expected_way() {
    let s = short(0);
    let mc = MonteCarlo::new(&s, 1);
    let central = run(&s).expect("runs").scenario.series;
    let runs: Vec<_> = (0..mc.varied().len())
        .map(|slot| {
            let end = |high| mc.run(Task::Swing { slot, high }).ok();
            SwingRuns {
                param: mc.varied()[slot].0,
                low: end(false),
                high: end(true),
            }
        })
        .collect();
    let t = 20;
    let list = swings(&central, &runs, o::GDP, t);
    assert_eq!(list.len(), mc.varied().len());
    assert!(list.windows(2).all(|w| w[0].width() >= w[1].width()));
    let tfp = mapsim::catalog::param("tfp_growth").expect("exists").0;
    let growth = list.iter().find(|s| s.param == tfp).expect("tfp varies");
    assert!(growth.low < 0.0 && growth.high > 0.0, "{growth:?}");
}

#[test]
fn a_batch_answered_in_pieces_gives_the_bands_of_one_run() {
    let link = "?v=1&households=400&horizon=25";
    let (s, _) = mapsim::scenario::query::decode(link);
    let whole = MonteCarlo::new(&s, 1).bands(24).expect("runs");
    let mut draws = Vec::new();
    // Chunks answered out of order, as several workers return them.
    for chunk in (0..24).collect::<Vec<i32>>().chunks(5).rev() {
        let result = mapsim::uncertainty::batch::run_batch(link, 1, chunk);
        draws.extend(result.series());
    }
    let pieced = mapsim::uncertainty::Bands::from_draws(&draws).expect("runs");
    assert_eq!(whole, pieced);
    assert_eq!(whole.fingerprint(), pieced.fingerprint());
}

#[test]
fn bands_built_draw_by_draw_equal_bands_built_at_once() {
    let mc = MonteCarlo::new(&short(2), 7);
    let draws: Vec<_> = (0..15).map(|n| mc.run(Task::Draw(n)).ok()).collect();
    let mut builder = mapsim::uncertainty::BandsBuilder::default();
    for d in draws.iter().rev() {
        builder.add(d.as_ref());
    }
    builder.add(None);
    let at_once = {
        let mut all = draws.clone();
        all.push(None);
        mapsim::uncertainty::Bands::from_draws(&all).expect("runs")
    };
    assert_eq!(builder.bands().expect("runs"), at_once);
    assert_eq!(at_once.failed, 1);
}

/// The app's Monte Carlo job (issue 20: the pool's logic, moved into the engine), driven here
/// as the worker pool drives it: batches out, answers filed in, news when bands are due.
#[test]
fn a_job_hands_out_batches_files_answers_and_says_when_bands_are_due() {
    use mapsim::uncertainty::batch::run_batch;
    use mapsim::uncertainty::job::{Job, JobRequest, BATCH, FIRST_BANDS, REFRESH_MS};
    let s = short(0);
    let key = mapsim::scenario::query::encode(&s);
    let request = JobRequest {
        key: key.clone(),
        seed: 5,
        draws: 30,
        swings: true,
    };
    let mut job = Job::new(7, request, 0.0);
    assert_eq!(job.id(), 7);
    assert_eq!((job.progress().done, job.progress().total), (0, 30));
    // A batch a worker could not take goes back to the front of the queue.
    let first = job.next_batch().expect("tasks");
    assert_eq!(first.len(), BATCH);
    job.put_back(first.clone());
    assert_eq!(job.next_batch().as_deref(), Some(&first[..]));
    job.put_back(first);

    let mut now = 0.0;
    let mut news = Vec::new();
    while let Some(codes) = job.next_batch() {
        let answer = run_batch(&key, 5, &codes);
        now += 40.0; // a batch every 40 ms
        if let Some(progress) = job.file(&codes, &answer, now) {
            news.push((now, progress));
        }
    }
    // Swings come first (the tornado), then draws; the first bands wait for enough draws,
    // later ones for REFRESH_MS, and the last news is the complete set.
    let with_bands: Vec<_> = news.iter().filter(|(_, p)| p.bands.is_some()).collect();
    assert!(with_bands
        .first()
        .is_some_and(|(_, p)| p.done >= FIRST_BANDS));
    for pair in with_bands.windows(2) {
        let complete = pair[1].1.complete();
        assert!(
            complete || pair[1].0 - pair[0].0 >= REFRESH_MS,
            "bands refreshed too often"
        );
    }
    let last = &news.last().expect("news").1;
    assert!(last.complete() && last.done == 30);
    assert!(last.swings.as_ref().is_some_and(|s| !s.is_empty()));
    // The bands equal those of the CLI and the Python package for the same seed.
    let direct = MonteCarlo::new(&s, 5).bands(30).expect("draws run");
    assert_eq!(last.bands.as_deref(), Some(&direct));
    // A failed pool says why, keeping what came back.
    let failed = job.failed("no worker");
    assert_eq!(failed.error.as_deref(), Some("no worker"));
    assert_eq!(failed.done, 30);
}

/// The worker's messages (declared once, for the pool and the worker): a request and its
/// answer go through the slots where the layout says, come back equal, and an answer to an
/// older job is dropped by the job it does not belong to.
#[test]
fn worker_messages_round_trip_and_stale_answers_are_dropped() {
    use mapsim::uncertainty::batch::run_batch;
    use mapsim::uncertainty::job::message::{answer, request, Answer, Request, Wire};
    use mapsim::uncertainty::job::{Job, JobRequest, BATCH};

    /// A message as plain Rust values, one kind per slot, as a JavaScript array holds them.
    #[derive(Default)]
    struct Slots(Vec<Slot>);
    #[derive(Clone, Default, PartialEq, Debug)]
    enum Slot {
        #[default]
        Empty,
        Number(f64),
        Text(String),
        Ints(Vec<i32>),
        Bytes(Vec<u8>),
        Floats(Vec<f64>),
    }
    impl Slots {
        fn put(&mut self, at: u32, slot: Slot) {
            let at = at as usize;
            if self.0.len() <= at {
                self.0.resize(at + 1, Slot::Empty);
            }
            self.0[at] = slot;
        }
        fn get(&self, at: u32) -> Slot {
            self.0.get(at as usize).cloned().unwrap_or_default()
        }
    }
    impl Wire for Slots {
        fn put_number(&mut self, at: u32, v: f64) {
            self.put(at, Slot::Number(v));
        }
        fn put_text(&mut self, at: u32, v: &str) {
            self.put(at, Slot::Text(v.to_string()));
        }
        fn put_ints(&mut self, at: u32, v: &[i32]) {
            self.put(at, Slot::Ints(v.to_vec()));
        }
        fn put_bytes(&mut self, at: u32, v: &[u8]) {
            self.put(at, Slot::Bytes(v.to_vec()));
        }
        fn put_floats(&mut self, at: u32, v: &[f64]) {
            self.put(at, Slot::Floats(v.to_vec()));
        }
        fn number(&self, at: u32) -> Option<f64> {
            match self.get(at) {
                Slot::Number(v) => Some(v),
                _ => None,
            }
        }
        fn text(&self, at: u32) -> Option<String> {
            match self.get(at) {
                Slot::Text(v) => Some(v),
                _ => None,
            }
        }
        fn ints(&self, at: u32) -> Vec<i32> {
            match self.get(at) {
                Slot::Ints(v) => v,
                _ => Vec::new(),
            }
        }
        fn bytes(&self, at: u32) -> Vec<u8> {
            match self.get(at) {
                Slot::Bytes(v) => v,
                _ => Vec::new(),
            }
        }
        fn floats(&self, at: u32) -> Vec<f64> {
            match self.get(at) {
                Slot::Floats(v) => v,
                _ => Vec::new(),
            }
        }
    }

    let key = mapsim::scenario::query::encode(&short(1));
    let ask = |draws| JobRequest {
        key: key.clone(),
        seed: 9,
        draws,
        swings: false,
    };
    // One batch each: filing its answer completes a job.
    let mut old = Job::new(3, ask(BATCH), 0.0);
    let mut job = Job::new(4, ask(BATCH), 0.0);
    // The app's side: the job's next batch, as the message a worker is sent.
    let sent = job.next_request().expect("tasks");
    assert_eq!((sent.job, sent.seed, &sent.link), (4, 9, &key));
    let mut wire = Slots::default();
    sent.write(&mut wire);
    assert_eq!(wire.get(request::LINK), Slot::Text(key.clone()));
    assert_eq!(wire.get(request::CODES), Slot::Ints(sent.codes.clone()));
    // The worker's side: read, run, answer.
    let heard = Request::read(&wire);
    assert_eq!(heard, sent);
    let reply = Answer {
        job: heard.job,
        batch: run_batch(&heard.link, heard.seed, &heard.codes),
        codes: heard.codes,
    };
    let mut back = Slots::default();
    reply.write(&mut back);
    assert_eq!(back.get(answer::JOB), Slot::Number(4.0));
    assert!(matches!(back.get(answer::RAN), Slot::Bytes(b) if b.iter().all(|&r| r <= 1)));
    let answer = Answer::read(&back).expect("names a job");
    assert_eq!(answer, reply);
    // An answer names its job: the older job drops it, the job it answers files it.
    assert!(old.answered(&answer, 1.0).is_none());
    assert!(job.answered(&answer, 1.0).is_some_and(|p| p.complete()));
    assert!(job.next_request().is_none());
    // A message without a job answers nobody; a request missing slots is an empty batch.
    assert!(Answer::read(&Slots::default()).is_none());
    assert_eq!(Request::read(&Slots::default()).codes, Vec::<i32>::new());
}
