#!/usr/bin/env python3
"""PyTorch peer of Seqpipe's forecast pipeline, for benchmarks: the same windows, features and model.

Per step of a window: the targets and covariates scaled by the training rows' mean and (population)
standard deviation, then one-hot day of week, one-hot month and a US federal holiday flag (observed
dates, by rule). A 2-layer LSTM (dropout between layers) reads the window; the last layer's final state,
after dropout, beside the calendar features of the steps ahead, goes through one linear layer to every
step's forecast at once. MSE on the scaled targets, Adam, shuffled batches, global-norm clipping 1.0,
early stopping on dev MAE of the unscaled forecasts; dev windows take their history from the end of
train. Prints one JSON object: dev MAE, RMSE, MASE (all steps) and MAE at step 1 for the peer and for
the naive and seasonal naive baselines, and the training seconds.
"""
import argparse
import csv
import datetime as dt
import json
import math
import random
import time

import torch
from torch import nn


def read(path, time_column, columns):
    times, rows = [], []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            times.append(dt.date.fromisoformat(row[time_column]))
            rows.append([float(row[c]) for c in columns])
    return times, rows


def nth(year, month, weekday, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def last(year, month, weekday):
    end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return end - dt.timedelta(days=(end.weekday() - weekday) % 7)


def observed(day):
    return day - dt.timedelta(days=1) if day.weekday() == 5 else day + dt.timedelta(days=1) if day.weekday() == 6 else day


def holidays(year):
    days = [observed(dt.date(year, 1, 1)), nth(year, 2, 0, 3), last(year, 5, 0), observed(dt.date(year, 7, 4)),
            nth(year, 9, 0, 1), nth(year, 10, 0, 2), observed(dt.date(year, 11, 11)), nth(year, 11, 3, 4),
            observed(dt.date(year, 12, 25))]
    if year >= 1986:
        days.append(nth(year, 1, 0, 3))
    if year >= 2021:
        days.append(observed(dt.date(year, 6, 19)))
    return set(days)


HOLIDAYS = {}


def calendar(day):
    if day.year not in HOLIDAYS:
        HOLIDAYS[day.year] = holidays(day.year) | holidays(day.year + 1)
    out = [0.0] * 20
    out[day.weekday()] = 1.0
    out[7 + day.month - 1] = 1.0
    out[19] = 1.0 if day in HOLIDAYS[day.year] else 0.0
    return out


class Forecaster(nn.Module):
    def __init__(self, features, hidden, layers, dropout, horizon, future):
        super().__init__()
        self.lstm = nn.LSTM(features, hidden, num_layers=layers, dropout=dropout if layers > 1 else 0,
                            batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden + future, horizon)

    def forward(self, window, future):
        _, (h, _) = self.lstm(window)
        return self.head(torch.cat([self.dropout(h[-1]), future], 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--time", default="date")
    ap.add_argument("--target", default="ridership")
    ap.add_argument("--features", default="temp,weather_rain,Bulls_Home")
    ap.add_argument("--input", type=int, default=28)
    ap.add_argument("--horizon", type=int, default=7)
    ap.add_argument("--season", type=int, default=7)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    columns = [args.target] + [c for c in args.features.split(",") if c]
    train_times, train_rows = read(args.train, args.time, columns)
    dev_times, dev_rows = read(args.dev, args.time, columns)
    times, rows = train_times + dev_times, train_rows + dev_rows
    n_train, n = len(train_rows), len(rows)
    mean = [sum(r[c] for r in train_rows) / n_train for c in range(len(columns))]
    std = [math.sqrt(sum((r[c] - mean[c]) ** 2 for r in train_rows) / n_train) or 1.0 for c in range(len(columns))]
    step = [[(r[c] - mean[c]) / std[c] for c in range(len(columns))] + calendar(t) for r, t in zip(rows, times)]
    features = torch.tensor(step, dtype=torch.float32)
    future_cal = torch.tensor([calendar(t) for t in times], dtype=torch.float32)
    y = [r[0] for r in rows]
    H, I = args.horizon, args.input

    def windows(origins):
        window = torch.stack([features[t - I:t] for t in origins])
        future = torch.stack([future_cal[t:t + H].reshape(-1) for t in origins])
        target = torch.tensor([[(y[t + h] - mean[0]) / std[0] for h in range(H)] for t in origins])
        return window, future, target

    train_origins = list(range(I, n_train - H + 1))
    dev_origins = list(range(n_train, n - H + 1))
    tw, tf, tt = windows(train_origins)
    dw, df, _ = windows(dev_origins)
    actual = [[y[t + h] for h in range(H)] for t in dev_origins]
    scale = sum(abs(y[t] - y[t - args.season]) for t in range(args.season, n_train)) / (n_train - args.season)

    def scores(forecast):
        errors = [[f - a for f, a in zip(fr, ar)] for fr, ar in zip(forecast, actual)]
        flat = [e for row in errors for e in row]
        mae = sum(abs(e) for e in flat) / len(flat)
        return {"mae": mae, "rmse": math.sqrt(sum(e * e for e in flat) / len(flat)), "mase": mae / scale,
                "mae_step1": sum(abs(row[0]) for row in errors) / len(errors)}

    model = Forecaster(features.shape[1], args.hidden, args.layers, args.dropout, H, 20 * H)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    rng = random.Random(args.seed)
    best, best_state, stale, seconds, epochs = float("inf"), None, 0, 0.0, 0

    def predict():
        model.eval()
        with torch.no_grad():
            out = model(dw, df)
        return (out * std[0] + mean[0]).tolist()

    for epoch in range(args.epochs):
        model.train()
        order = list(range(len(train_origins)))
        rng.shuffle(order)
        started = time.perf_counter()
        for i in range(0, len(order), args.batch):
            idx = torch.tensor(order[i:i + args.batch])
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(tw[idx], tf[idx]), tt[idx])
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
        seconds += time.perf_counter() - started
        epochs = epoch + 1
        dev_mae = scores(predict())["mae"]
        if dev_mae < best:
            best, stale = dev_mae, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            stale += 1
            if stale >= args.patience:
                break
    model.load_state_dict(best_state)
    naive = [[y[t - 1]] * H for t in dev_origins]
    seasonal = [[y[t + h - args.season * (h // args.season + 1)] for h in range(H)] for t in dev_origins]
    print(json.dumps({"system": "pytorch-peer", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "epochs": epochs, "train_seconds": seconds, "dev": scores(predict()),
                      "naive": scores(naive), "seasonal_naive": scores(seasonal)}))


if __name__ == "__main__":
    main()
